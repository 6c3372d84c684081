using Cql.Engine.Core;
using Cql.Engine.Ingest;
using Cql.Engine.Session;
using Cql.Tests.Support;

namespace Cql.Tests.Ingest.Html;

/// <summary>A page's publication time is stored as a Parquet TIMESTAMP in UTC that DuckDB filters on without a cast;
/// CQL shows it in UTC, with the offset the page wrote beside it.</summary>
public class PublishedAtStorageTests
{
    [Fact]
    public async Task Published_at_is_a_UTC_timestamp_with_the_source_offset_beside_it()
    {
        using var d = new TempDir();
        d.Write("in/page.html", TestPages.NewsCms); // shows 2024-03-12 14:05 +01:00
        d.Write("in/plain.txt", "Et dokument uten tid.\n\nDet har ingen publiseringstid, sa hun.");
        var s = await Ingestor.RunAsync(new IngestOptions([d.File("in")], d.File("corpus")), null, CancellationToken.None);
        Assert.Equal(2, s.DocsAdded);
        var docs = d.File("corpus") + "/docs/**/*.parquet";
        Assert.Equal(["TIMESTAMP WITH TIME ZONE"], Duck.Rendered(Duck.Open(), $"SELECT DISTINCT typeof(published_at) FROM read_parquet('{docs}')"));
        Assert.Equal(1, Duck.Count($"SELECT count(*) FROM read_parquet('{docs}') WHERE published_at >= TIMESTAMPTZ '2024-03-12 13:05:00+00'"));
        Assert.Equal(0, Duck.Count($"SELECT count(*) FROM read_parquet('{docs}') WHERE published_at > TIMESTAMPTZ '2024-03-12 13:05:00+00'"));
        using var session = CqlSession.Open(d.File("corpus"));
        Assert.Equal(["2024-03-12T13:05:00Z|+01:00|2024-03-12|day", "∅|∅|∅|∅"],
            ScanOnlyCopy.Rows(session, "docs | select published_at, published_offset, date, date_precision | order by published_at"));
    }

    [Theory]
    [InlineData("2024-03-12T14:05:00+01:00", "+01:00", "2024-03-12T13:05:00Z")]
    [InlineData("2024-03-12T14:05:00-0330", "-03:30", "2024-03-12T17:35:00Z")]
    [InlineData("2024-03-12T14:05:00Z", "+00:00", "2024-03-12T14:05:00Z")]
    [InlineData("2024-03-12T14:05:00", null, "2024-03-12T14:05:00Z")] // no offset: taken as UTC, none stored
    public void A_source_time_becomes_a_UTC_instant_and_the_offset_it_wrote(string source, string? offset, string utc)
    {
        Assert.Equal(offset, Instants.OffsetOf(source));
        var instant = DateTimeOffset.UnixEpoch.AddTicks(Instants.ToUnixMicros(source) * 10);
        Assert.Equal(utc, instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
