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

    [Theory]
    [InlineData("9. januar 2025", "2025-01-09")]            // no, da
    [InlineData("9 januari 2025", "2025-01-09")]            // sv, nl
    [InlineData("12. März 2024", "2024-03-12")]             // de
    [InlineData("15 giugno 2022", "2022-06-15")]            // it
    [InlineData("3 mars 2024", "2024-03-03")]               // fr, sv, no
    [InlineData("1er mars 2024", "2024-03-01")]
    [InlineData("15 de junio de 2024", "2024-06-15")]       // es
    [InlineData("5 de março de 2023", "2023-03-05")]        // pt
    [InlineData("3 maart 2024", "2024-03-03")]              // nl
    [InlineData("March 3, 2024", "2024-03-03")]             // en
    [InlineData("3rd of March 2024", "2024-03-03")]
    [InlineData("Sept. 11, 2001", "2001-09-11")]
    [InlineData("3. marca 2024 r.", "2024-03-03")]          // pl
    [InlineData("9 января 2025 г.", "2025-01-09")]          // ru
    [InlineData("juni 2022", "2022-06")]
    [InlineData("Dezember 2021", "2021-12")]
    [InlineData("Thu, 03 Mar 2024 10:00:00 GMT", "2024-03-03")]
    [InlineData("Torsdag 9. januar 2025 kl. 14.32", "2025-01-09")]
    public void Textual_dates_in_many_languages_are_understood(string input, string expected) =>
        Assert.Equal(expected, DateText.Normalize(input));

    [Theory]
    [InlineData("Publisert 2025-01-09", "2025-01-09")]
    [InlineData("Published: March 3, 2024", "2024-03-03")]
    [InlineData("2024-03-03 10:15:00+01:00", "2024-03-03")]
    [InlineData("03/15/2024", "2024-03-15")]                // the day cannot be a month, so it is month-first
    [InlineData("20240303", "2024-03-03")]
    [InlineData("1709460000", "2024-03-03")]                // Unix seconds
    [InlineData("1709460000000", "2024-03-03")]             // Unix milliseconds
    public void Labels_times_and_machine_forms_are_understood(string input, string expected) =>
        Assert.Equal(expected, DateText.Normalize(input));

    [Theory]
    [InlineData("31.02.2024")]        // no such day
    [InlineData("2022-13")]
    [InlineData("15 Smarch 2022")]
    [InlineData("2022-06-155")]
    [InlineData("12345")]
    [InlineData("2022 was a year")]
    public void Things_that_are_not_dates_give_null(string input) =>
        Assert.Null(DateText.Normalize(input));
}
