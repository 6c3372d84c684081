using Cql.Engine.Ingest;

namespace Cql.Tests.Ingest;

public class DateTextTests
{
    [Theory]
    [InlineData("2022-06-15T10:00:00Z", "2022-06-15")]
    [InlineData("2022-06", "2022-06")]
    [InlineData("2022", "2022")]
    [InlineData("2022/06/15", "2022-06-15")]
    [InlineData("15.06.2022", "2022-06-15")]
    [InlineData("5/6/2022", "2022-06-05")]
    [InlineData(" ", null)]
    [InlineData("yesterday", null)]
    [InlineData("45.13.2022", null)]
    public void Metadata_dates_become_iso_of_the_given_precision(string input, string? expected) =>
        Assert.Equal(expected, DateText.Normalize(input));
}
