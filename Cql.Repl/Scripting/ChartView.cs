using Cql.Engine.Charts;
using Cql.Engine.Core;
using Cql.Engine.Session;

namespace Cql.Repl.Scripting;

/// <summary>A query's rows as a chart, for C#: printed as the text chart, exported as a PNG or SVG image.</summary>
public sealed class ChartView
{
    readonly CqlSession _session;
    readonly string _query;

    /// <summary>The numbers drawn: categories along x and a series per y column (per value of by).</summary>
    public ChartData Data { get; }

    internal ChartView(CqlSession session, string query, ChartData data)
    {
        _session = session;
        _query = query;
        Data = data;
    }

    /// <summary>Writes the chart to PATH as the image its extension names (.png, .svg), atomically as export does;
    /// returns the number of rows charted.</summary>
    public long Export(string path)
    {
        var format = ChartSpec.ImageFormatOf(path) ?? throw new ArgumentException($"a chart is written as .png or .svg, not '{path}'");
        return Cql.Engine.Output.ResultWriter.WriteFile(path, _session.ProvenanceFor(_query), stream =>
        {
            ImageChart.Write(Data, format, stream);
            return Data.RowsCharted;
        }, CancellationToken.None);
    }

    /// <summary>The lines of the text chart for a terminal of this width and height.</summary>
    public IReadOnlyList<string> Lines(int width, int height, bool colour) => TextChart.Render(Data, width, height, colour);

    public override string ToString() => string.Join("\n", Lines(100, 20, colour: false));
}
