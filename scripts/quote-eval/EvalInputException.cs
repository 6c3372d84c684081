namespace QuoteEval;

/// <summary>A data folder or file that is missing or not in the expected format; the message names it.</summary>
public sealed class EvalInputException(string message) : Exception(message);
