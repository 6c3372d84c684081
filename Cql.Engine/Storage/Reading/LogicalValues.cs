using System.Buffers.Binary;
using System.Globalization;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Turns a chunk's decoded physical values into what its annotation says they are, a whole vector at a time: days
/// into ISO dates, time units into ISO timestamps, unscaled integers into decimals, unsigned into wider integers.
/// Text lands in one char buffer per chunk, sliced per row (no string per row).
/// </summary>
static class LogicalValues
{
    /// <summary>1970-01-01 as DateOnly's day number.</summary>
    const int EpochDayNumber = 719_162;
    /// <summary>1970-01-01 as a Julian day (INT96 timestamps count from the Julian epoch).</summary>
    const long EpochJulianDay = 2_440_588;
    static readonly DateOnly MinDate = DateOnly.MinValue, MaxDate = DateOnly.MaxValue;

    public static ColumnVector FromInt32(ParquetColumn c, int[] v, bool[]? nulls, int n) => c.Annotation.Kind switch
    {
        ParquetLogicalKind.Date => Dates(c, v, nulls, n),
        ParquetLogicalKind.Decimal => new Float64Vector(Decimals(v, c.Annotation.Scale), nulls, n),
        ParquetLogicalKind.UnsignedInt when c.Annotation.BitWidth == 32 => new Int64Vector(Unsigned(v), nulls, n),
        ParquetLogicalKind.Time => Times(c, ColumnChunkReader.Widen(v), nulls, n),
        _ => new Int32Vector(v, nulls, n),
    };

    public static ColumnVector FromInt64(ParquetColumn c, long[] v, bool[]? nulls, int n)
    {
        switch (c.Annotation.Kind)
        {
            case ParquetLogicalKind.Timestamp: return Timestamps(c, v, nulls, n);
            case ParquetLogicalKind.Time: return Times(c, v, nulls, n);
            case ParquetLogicalKind.Decimal: return new Float64Vector(Decimals(v, c.Annotation.Scale), nulls, n);
            case ParquetLogicalKind.UnsignedInt:
                for (int i = 0; i < n; i++)
                    if (v[i] < 0 && (nulls is null || !nulls[i]))
                        throw new ParquetDataException($"column {c.Name} (UINT_64) holds {(ulong)v[i]}, above the largest integer cql keeps ({long.MaxValue})", unsupported: true);
                return new Int64Vector(v, nulls, n);
            default: return new Int64Vector(v, nulls, n);
        }
    }

    /// <summary>Day counts from 1970-01-01 as ISO days (Date, day precision).</summary>
    public static StringVector Dates(ParquetColumn c, int[] days, bool[]? nulls, int n)
    {
        const int width = 10;
        var chars = new char[n * width];
        var values = new ReadOnlyMemory<char>[n];
        int min = MinDate.DayNumber - EpochDayNumber, max = MaxDate.DayNumber - EpochDayNumber;
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            int d = days[i];
            if (d < min || d > max) throw new ParquetDataException($"column {c.Name} holds day {d} from 1970-01-01, outside years 1-9999", unsupported: true);
            var into = chars.AsSpan(i * width, width);
            DateOnly.FromDayNumber(d + EpochDayNumber).TryFormat(into, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            values[i] = chars.AsMemory(i * width, width);
        }
        return new StringVector(values, nulls, n, ColumnType.Date);
    }

    static long UnitsPerSecond(ParquetTimeUnit unit) => unit switch
    {
        ParquetTimeUnit.Millis => 1_000,
        ParquetTimeUnit.Micros => 1_000_000,
        _ => 1_000_000_000,
    };

    static int Digits(ParquetTimeUnit unit) => unit switch { ParquetTimeUnit.Millis => 3, ParquetTimeUnit.Micros => 6, _ => 9 };

    /// <summary>Instants as ISO 8601 text, Z-suffixed when the file says they are in UTC, local otherwise.</summary>
    static StringVector Timestamps(ParquetColumn c, long[] v, bool[]? nulls, int n)
    {
        var a = c.Annotation;
        long per = UnitsPerSecond(a.Unit);
        var text = new TimestampText(n, Digits(a.Unit), a.UtcAdjusted);
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            long seconds = Math.DivRem(v[i], per, out long fraction);
            if (fraction < 0) { seconds--; fraction += per; }
            text.Add(c, i, seconds, fraction);
        }
        return text.Vector(nulls);
    }

    /// <summary>INT96 (Impala and older Spark), 12 bytes a row: nanoseconds of the day, then the Julian day; shown
    /// without a zone, as Arrow and DuckDB read them.</summary>
    public static StringVector Int96Timestamps(ParquetColumn c, ReadOnlySpan<byte> values, bool[]? nulls, int n)
    {
        var text = new TimestampText(n, 9, utc: false);
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            var cell = values.Slice(i * 12, 12);
            long nanosOfDay = BinaryPrimitives.ReadInt64LittleEndian(cell);
            long julian = BinaryPrimitives.ReadInt32LittleEndian(cell[8..]);
            if ((ulong)nanosOfDay >= 86_400_000_000_000UL) throw new ParquetDataException($"column {c.Name} holds an INT96 timestamp with {nanosOfDay} ns in a day");
            long seconds = (julian - EpochJulianDay) * 86_400 + nanosOfDay / 1_000_000_000;
            text.Add(c, i, seconds, nanosOfDay % 1_000_000_000);
        }
        return text.Vector(nulls);
    }

    /// <summary>Times of day as HH:mm:ss with the unit's fraction when it is not zero.</summary>
    static StringVector Times(ParquetColumn c, long[] v, bool[]? nulls, int n)
    {
        var a = c.Annotation;
        long per = UnitsPerSecond(a.Unit);
        int digits = Digits(a.Unit);
        var chars = new char[n * (9 + digits)];
        var values = new ReadOnlyMemory<char>[n];
        int at = 0;
        for (int i = 0; i < n; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            if (v[i] < 0 || v[i] >= 86_400 * per) throw new ParquetDataException($"column {c.Name} holds time {v[i]}, outside a day");
            long seconds = Math.DivRem(v[i], per, out long fraction);
            int start = at;
            new TimeOnly(seconds * TimeSpan.TicksPerSecond).TryFormat(chars.AsSpan(at), out int w, "HH:mm:ss", CultureInfo.InvariantCulture);
            at += w;
            at += Fraction(chars.AsSpan(at), fraction, digits);
            values[i] = chars.AsMemory(start, at - start);
        }
        return new StringVector(values, nulls, n, ColumnType.String);
    }

    /// <summary>Writes ".fff…" (the unit's digits) when the fraction is not zero; returns the chars written.</summary>
    static int Fraction(Span<char> into, long fraction, int digits)
    {
        if (fraction == 0) return 0;
        into[0] = '.';
        for (int d = digits; d >= 1; d--)
        {
            into[d] = (char)('0' + fraction % 10);
            fraction /= 10;
        }
        return digits + 1;
    }

    /// <summary>The timestamps of one chunk, written into one buffer.</summary>
    sealed class TimestampText(int n, int digits, bool utc)
    {
        // yyyy-MM-ddTHH:mm:ss + '.' + digits + 'Z'
        readonly int _width = 19 + 1 + digits + 1;
        readonly char[] _chars = new char[n * (19 + 1 + digits + 1)];
        readonly ReadOnlyMemory<char>[] _values = new ReadOnlyMemory<char>[n];
        static readonly long MinSeconds = (long)(DateTime.MinValue - DateTime.UnixEpoch).TotalSeconds,
            MaxSeconds = (long)(DateTime.MaxValue - DateTime.UnixEpoch).TotalSeconds;

        public void Add(ParquetColumn c, int row, long seconds, long fraction)
        {
            if (seconds < MinSeconds || seconds > MaxSeconds)
                throw new ParquetDataException($"column {c.Name} holds a timestamp {seconds} s from 1970-01-01, outside years 1-9999", unsupported: true);
            var into = _chars.AsSpan(row * _width, _width);
            DateTime.UnixEpoch.AddSeconds(seconds).TryFormat(into, out int w, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            w += Fraction(into[w..], fraction, digits);
            if (utc) into[w++] = 'Z';
            _values[row] = _chars.AsMemory(row * _width, w);
        }

        public StringVector Vector(bool[]? nulls) => new(_values, nulls, _values.Length, ColumnType.String);
    }

    static readonly double[] PowersOfTen = BuildPowers();

    static double[] BuildPowers()
    {
        var p = new double[39];
        for (int i = 0; i < p.Length; i++) p[i] = double.Parse("1e" + i.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return p;
    }

    /// <summary>10^scale; a division by it rounds once, so an unscaled value below 2^53 with a scale up to 22 reads as
    /// the double nearest the decimal (12345 at scale 3 is exactly double 12.345).</summary>
    public static double Scale(int scale) => scale >= 0 && scale < PowersOfTen.Length ? PowersOfTen[scale] : Math.Pow(10, scale);

    static double[] Decimals(int[] v, int scale)
    {
        double p = Scale(scale);
        var r = new double[v.Length];
        for (int i = 0; i < r.Length; i++) r[i] = v[i] / p;
        return r;
    }

    static double[] Decimals(long[] v, int scale)
    {
        double p = Scale(scale);
        var r = new double[v.Length];
        for (int i = 0; i < r.Length; i++) r[i] = v[i] / p;
        return r;
    }

    static long[] Unsigned(int[] v)
    {
        var r = new long[v.Length];
        for (int i = 0; i < r.Length; i++) r[i] = (uint)v[i];
        return r;
    }
}
