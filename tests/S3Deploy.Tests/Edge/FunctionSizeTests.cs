using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Edge;

namespace S3Deploy.Tests.Edge;

public sealed class FunctionSizeTests
{
    [Fact]
    public void A_site_over_CloudFronts_10_KB_is_refused_naming_the_negotiated_files()
    {
        var keys = Enumerable.Range(0, 400).SelectMany(i => Negotiated($"_framework/Lib{i}.{Guid.NewGuid():N}.wasm")).Append("index.html").ToList();

        var error = Assert.Throws<DeployException>(() => FunctionCode.Render(EdgeRoutes.From(Site(keys, new Dictionary<string, string>()))));

        Assert.Equal("S3D061", error.Code);
        Assert.Equal(FailureKind.Refused, error.Kind);
        Assert.Contains("over CloudFront's limit of 10,240 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("the 400 files with both .br and .gz siblings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_redirects_are_refused_naming_the_redirects()
    {
        var redirects = Enumerable.Range(0, 300).ToDictionary(i => $"/old/page-{i}.html", i => $"https://example.com/new/page-{i}");

        var error = Assert.Throws<DeployException>(() => FunctionCode.Render(EdgeRoutes.From(Site(["index.html"], redirects))));

        Assert.Contains("Its largest part is the 300 redirects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_path_starts_are_written_once_so_a_Blazor_sized_site_fits()
    {
        var keys = Enumerable.Range(0, 120).SelectMany(i => Negotiated($"_framework/System.Component{i}.abcdef1234.wasm")).Append("index.html").ToList();

        var code = FunctionCode.Render(EdgeRoutes.From(Site(keys, new Dictionary<string, string>())));

        Assert.True(code.Length < FunctionCode.MaxBytes, $"{code.Length} bytes");
        Assert.Equal(1, CountOf(code, "/_framework/System.Component"));
    }

    [Fact]
    public void Front_coded_paths_decode_to_the_sorted_originals()
    {
        string[] paths = ["/b/x.html", "/a/", "/a/é/ü.html", "/a/😀/a", "/a/😁/b", "/a/b"];

        Assert.Equal(paths.Order(StringComparer.Ordinal), PathList.Decode(PathList.Encode(paths)));
    }

    private static IEnumerable<string> Negotiated(string key) => [key, key + ".br", key + ".gz"];

    private static EdgeSite Site(IReadOnlyCollection<string> keys, IReadOnlyDictionary<string, string> redirects) =>
        new(keys, redirects, "index.html", Spa: true, Negotiate: true, ViewerPaths.Root);

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
