using S3Deploy.Core.Headers;

namespace S3Deploy.Tests;

public class ObjectHeadersTests
{
    private static readonly ObjectHeaders Full = new(
        "text/html; charset=utf-8",
        "public, max-age=0",
        "gzip",
        "inline",
        new Dictionary<string, string> { ["build"] = "42", ["owner"] = "web" });

    [Fact]
    public void Fingerprint_is_stable_for_equal_values()
    {
        var copy = new ObjectHeaders(
            "text/html; charset=utf-8",
            "public, max-age=0",
            "gzip",
            "inline",
            new Dictionary<string, string> { ["build"] = "42", ["owner"] = "web" });

        Assert.Equal(Full.Fingerprint(), copy.Fingerprint());
        Assert.Equal(Full.Fingerprint(), Full.Fingerprint());
    }

    [Fact]
    public void Fingerprint_is_sixteen_lower_case_hex_characters()
    {
        var fingerprint = Full.Fingerprint();

        Assert.Equal(16, fingerprint.Length);
        Assert.All(fingerprint, c => Assert.True(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f', $"'{c}' is not lower-case hex"));
    }

    [Fact]
    public void Fingerprint_ignores_metadata_order()
    {
        var reversed = Full with { Metadata = new Dictionary<string, string> { ["owner"] = "web", ["build"] = "42" } };

        Assert.Equal(Full.Fingerprint(), reversed.Fingerprint());
    }

    public static TheoryData<string, ObjectHeaders> Variants() => new()
    {
        { "content type", Full with { ContentType = "text/plain" } },
        { "cache control", Full with { CacheControl = "no-store" } },
        { "content encoding", Full with { ContentEncoding = "br" } },
        { "content disposition", Full with { ContentDisposition = "attachment" } },
        { "metadata value", Full with { Metadata = new Dictionary<string, string> { ["build"] = "43", ["owner"] = "web" } } },
        { "metadata name", Full with { Metadata = new Dictionary<string, string> { ["built"] = "42", ["owner"] = "web" } } },
        { "extra metadata", Full with { Metadata = new Dictionary<string, string> { ["build"] = "42", ["owner"] = "web", ["x"] = "" } } },
        { "no metadata", Full with { Metadata = null } },
        { "value moved between fields", Full with { CacheControl = "gzip", ContentEncoding = "public, max-age=0" } },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Fingerprint_changes_when_any_field_changes(string field, ObjectHeaders changed) =>
        Assert.True(Full.Fingerprint() != changed.Fingerprint(), $"changing the {field} kept the fingerprint");

    [Fact]
    public void Absent_and_empty_values_hash_the_same()
    {
        var absent = new ObjectHeaders("text/css");
        var empty = new ObjectHeaders("text/css", "", "", "", new Dictionary<string, string>());

        Assert.Equal(absent.Fingerprint(), empty.Fingerprint());
    }

    [Fact]
    public void User_metadata_is_empty_when_metadata_is_absent()
    {
        Assert.Empty(new ObjectHeaders("text/css").UserMetadata);
        Assert.Equal("42", Full.UserMetadata["build"]);
    }
}
