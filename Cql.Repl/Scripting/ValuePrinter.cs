using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Output;
using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Cql.Repl.Scripting;

/// <summary>Shows the value of a C# submission: sequences of records as a table (first rows), the rest as text.</summary>
public static class ValuePrinter
{
    /// <summary>Prints <paramref name="value"/>; sequences go out in <paramref name="format"/> (a table on a screen,
    /// TSV into a pipe), and only a table gets the "(N rows)" line under it, so a pipe gets nothing but the rows.</summary>
    public static void Print(object? value, TextWriter output, Stream raw, TableStyle style, OutputFormat format = OutputFormat.Table)
    {
        bool footer = format == OutputFormat.Table;
        switch (value)
        {
            case null: output.WriteLine("null"); return;
            case string s: output.WriteLine(s); return;
            case QueryRows q:
                output.Flush();
                ResultWriter.Write(q.Replay(), format, raw, style, CancellationToken.None);
                raw.Flush();
                if (footer) output.WriteLine($"({q.Count:N0} rows)");
                return;
            case ChartView chart:
                // The text chart, as wide as the screen (100 columns elsewhere), coloured only on a terminal.
                bool screen = format == OutputFormat.Table && style.Width < int.MaxValue;
                foreach (var line in chart.Lines(screen ? style.Width : 100, 24, screen && Interactive.ReplLoop.UseColour)) output.WriteLine(line);
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal:
                output.WriteLine(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IEnumerable seq:
                // A little past the limit, to say "N+ items"; an unlimited style (int.MaxValue) takes everything.
                int take = style.MaxRows > int.MaxValue - 1000 ? int.MaxValue : style.MaxRows + 1000;
                var items = seq.Cast<object?>().Take(take).ToList();
                var type = items.FirstOrDefault(i => i is not null)?.GetType();
                var props = type is null || IsScalar(type) ? null : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
                var columns = props is null ? [new ResultColumn("value", ColumnType.String)] : props.Select(p => new ResultColumn(p.Name, TypeOf(p.PropertyType))).ToArray();
                var rows = items.Select(i => props is null ? [Cell(i, ColumnType.String)] : props.Select((p, k) => i is null ? null : Cell(p.GetValue(i), columns[k].Type)).ToArray()).ToList();
                output.Flush();
                var n = ResultWriter.Write(new MemoryRows(columns, rows), format, raw, style, CancellationToken.None);
                raw.Flush();
                if (footer) output.WriteLine($"({n:N0}{(items.Count == take && take != int.MaxValue ? "+" : "")} items)");
                return;
            default:
                output.WriteLine(value.ToString());
                return;
        }
    }

    static bool IsScalar(Type t) => t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t.IsEnum;

    static ColumnType TypeOf(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(int) || t == typeof(short) || t == typeof(byte)) return ColumnType.Int32;
        if (t == typeof(long)) return ColumnType.Int64;
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return ColumnType.Float64;
        if (t == typeof(bool)) return ColumnType.Bool;
        return ColumnType.String;
    }

    static object? Cell(object? v, ColumnType t) => v is null ? null : t switch
    {
        ColumnType.Int32 => Convert.ToInt32(v, CultureInfo.InvariantCulture),
        ColumnType.Int64 => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        ColumnType.Float64 => Convert.ToDouble(v, CultureInfo.InvariantCulture),
        ColumnType.Bool => (bool)v,
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };
}
