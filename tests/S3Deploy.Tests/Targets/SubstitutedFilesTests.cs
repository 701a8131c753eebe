using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.Targets;

/// <summary>The listing after substitution: copies with the values in, the originals' compressed siblings gone.</summary>
public sealed class SubstitutedFilesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private SourceListing Listing(params (string Key, string Text)[] files) =>
        new([.. files.Select(f => (f.Key, new FilePath(temp.Write(f.Key, f.Text))))], []);

    [Fact]
    public void Substituted_files_are_read_from_copies_that_hold_the_values_and_vanish_on_dispose()
    {
        var listing = Listing(("appsettings.json", "${API}"), ("app.js", "${API}"));
        string copy;

        using (var substituted = SubstitutedFiles.Write(listing, ["appsettings.json"], new Dictionary<string, string> { ["API"] = "from-values" }, _ => null))
        {
            copy = substituted.Listing.Files.Single(f => f.Key == "appsettings.json").Path.Full;
            Assert.Equal("from-values", File.ReadAllText(copy));
            Assert.Equal(temp.Combine("app.js"), substituted.Listing.Files.Single(f => f.Key == "app.js").Path.Full);
            Assert.Equal("${API}", File.ReadAllText(temp.Combine("appsettings.json")));
        }

        Assert.False(File.Exists(copy));
    }

    [Fact]
    public void An_environment_variable_wins_over_values()
    {
        var listing = Listing(("config.js", "${API}"));
        var environment = new Dictionary<string, string?> { ["S3DEPLOY_VAR_API"] = "from-environment" };

        using var substituted = SubstitutedFiles.Write(listing, ["*.js"], new Dictionary<string, string> { ["API"] = "from-values" }, environment.GetValueOrDefault);

        Assert.Equal("from-environment", File.ReadAllText(substituted.Listing.Files.Single().Path.Full));
    }

    [Fact]
    public void Compressed_siblings_of_a_substituted_file_are_left_out()
    {
        var listing = Listing(("appsettings.json", "x"), ("appsettings.json.br", "raw"), ("appsettings.json.gz", "raw"), ("app.js.gz", "kept"));

        using var substituted = SubstitutedFiles.Write(listing, ["appsettings.json"], new Dictionary<string, string>(), _ => null);

        Assert.Equal(["app.js.gz", "appsettings.json"], substituted.Listing.Files.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_glob_that_matches_no_file_is_refused()
    {
        var listing = Listing(("appsettings.json", "x"));

        var e = Assert.Throws<DeployException>(() => SubstitutedFiles.Write(listing, ["appsetting.json"], new Dictionary<string, string>(), _ => null));

        Assert.Equal("S3D077", e.Code);
        Assert.Contains("'appsetting.json' matches no file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_substitute_the_listing_is_untouched()
    {
        var listing = Listing(("a.txt", "${X}"));

        using var substituted = SubstitutedFiles.Write(listing, [], new Dictionary<string, string>(), _ => null);

        Assert.Same(listing, substituted.Listing);
    }
}
