using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Scanning;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// Header values are either sent in a form S3 documents (RFC 2047 metadata, RFC 6266 file names) and read back the same,
/// or refused before the first request; never a mid-deploy "could not reach S3".
/// </summary>
public sealed class HeaderEncodingTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private static readonly HeaderSettings NonAscii = new()
    {
        Rules =
        [
            new HeaderRule(Glob.Parse("*.pdf"))
            {
                ContentDisposition = "attachment; filename=\"naïve résumé.pdf\"",
                Metadata = new Dictionary<string, string> { ["author"] = "Zoë Ångström", ["title"] = "日本語" },
            },
        ],
    };

    [Fact]
    public async Task Non_ascii_metadata_and_file_names_round_trip_and_a_redeploy_is_a_no_op()
    {
        var site = Site(("index.html", "<h1>home</h1>"), ("cv.pdf", "%PDF-1.4"));
        var options = Options(site, "web") with { Headers = NonAscii };

        var first = await DeployAsync(options);

        Assert.Equal(2, first.Uploaded);
        Assert.Equal("=?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?=", await Bucket.RawHeaderAsync("web/cv.pdf", "x-amz-meta-author"));
        Assert.Equal("attachment; filename=\"na_ve r_sum_.pdf\"; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.pdf", await Bucket.RawHeaderAsync("web/cv.pdf", "Content-Disposition"));
        var head = await Bucket.HeadAsync("web/cv.pdf");
        Assert.Equal("Zoë Ångström", MetadataEncoding.Decode(head.Metadata["x-amz-meta-author"]));
        Assert.Equal("日本語", MetadataEncoding.Decode(head.Metadata["x-amz-meta-title"]));

        var again = await DeployAsync(options);

        Assert.True(again.ChangedNothing, string.Join(", ", Describe(again)));

        // Without the manifest every object is compared through HEAD: the decoded metadata must equal what is asked for.
        await AssertConvergedWithAsync(site, options);
    }

    [Fact]
    public async Task Non_ascii_that_cannot_be_encoded_is_refused_before_any_request()
    {
        var site = Site(("index.html", "<h1>home</h1>"));
        var proxy = Proxy();
        var rule = new HeaderRule(Glob.Parse("**")) { ContentType = "text/html; title=é" };
        var options = Through(proxy, site) with { Headers = new HeaderSettings { Rules = [rule] } };

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(DiagnosticCode.BadHeaderValue, e.Code);
        Assert.StartsWith("rules[0].contentType: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(proxy.Log);
    }

    [Fact]
    public async Task A_line_break_in_a_header_value_sends_no_request()
    {
        var site = Site(("index.html", "<h1>home</h1>"));
        var proxy = Proxy();
        var options = Through(proxy, site) with { Headers = new HeaderSettings { CacheControl = "max-age=1\r\nx-amz-acl: public-read" } };

        var e = await Assert.ThrowsAsync<DeployException>(() => DeployAsync(options));

        Assert.Equal(DiagnosticCode.BadHeaderValue, e.Code);
        Assert.Empty(proxy.Log);
    }

    private async Task AssertConvergedWithAsync(TempSite site, DeployOptions options)
    {
        using var s3 = Server.Client();
        await s3.DeleteObjectAsync(Bucket.Name, "web/" + S3Deploy.Core.Remote.DeployManifest.RelativeKey);
        var check = await DeployAsync(options with { DryRun = true });
        Assert.Empty(Describe(check));
        await AssertBucketMatchesAsync(site, "web");
    }
}
