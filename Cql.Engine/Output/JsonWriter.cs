using Cql.Engine.Execution;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cql.Engine.Output;

/// <summary>JSON Lines (one object per row, keyed by column name) or one JSON array of such objects.</summary>
internal static class JsonWriter
{
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static long Write(IBatchStream rows, Stream output, bool lines, CancellationToken ct)
    {
        var names = new JsonEncodedText[rows.Columns.Count];
        for (int c = 0; c < names.Length; c++) names[c] = JsonEncodedText.Encode(rows.Columns[c].Name, Options.Encoder);
        using var w = new Utf8JsonWriter(output, Options);
        long n = 0;
        if (!lines) output.WriteByte((byte)'[');
        while (rows.MoveNext(ct))
        {
            var b = rows.Current;
            for (int r = 0; r < b.RowCount; r++)
            {
                if (!lines) { if (n > 0) output.WriteByte((byte)','); output.WriteByte((byte)'\n'); }
                w.WriteStartObject();
                for (int c = 0; c < b.Columns.Count; c++)
                {
                    var v = b.Columns[c];
                    w.WritePropertyName(names[c]);
                    if (v.IsNull(r)) { w.WriteNullValue(); continue; }
                    switch (v.Type)
                    {
                        case ColumnType.Int32: w.WriteNumberValue(v.GetInt32(r)); break;
                        case ColumnType.Int64: w.WriteNumberValue(v.GetInt64(r)); break;
                        case ColumnType.Float64:
                            var d = v.GetFloat64(r);
                            if (double.IsFinite(d)) w.WriteNumberValue(d); else w.WriteNullValue();
                            break;
                        case ColumnType.Bool: w.WriteBooleanValue(v.GetBool(r)); break;
                        default: w.WriteStringValue(v.GetString(r).Span); break;
                    }
                }
                w.WriteEndObject();
                w.Flush();
                // Each row is its own JSON value: reset so the writer adds no separators of its own.
                w.Reset();
                if (lines) output.WriteByte((byte)'\n');
                n++;
            }
        }
        if (!lines) { output.WriteByte((byte)'\n'); output.WriteByte((byte)']'); output.WriteByte((byte)'\n'); }
        return n;
    }
}
