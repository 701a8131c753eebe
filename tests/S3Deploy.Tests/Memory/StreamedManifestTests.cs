using S3Deploy.Core.Remote;

namespace S3Deploy.Tests.Memory;

/// <summary>The manifest is written through a stream (never held whole as bytes) and reads the same as before.</summary>
public sealed class StreamedManifestTests
{
    [Fact]
    public void The_streamed_manifest_is_byte_for_byte_the_documented_one()
    {
        var manifest = new DeployManifest(new Dictionary<string, ManifestEntry>(StringComparer.Ordinal)
        {
            ["b.css"] = new("0123456789abcdef0123456789abcdef", 3, "0123456789abcdef0123456789abcdef", "fedcba9876543210"),
            ["a.html"] = new("0123456789abcdef0123456789abcdef+br", 2, "aaaa-2", "fedcba9876543210", DateTimeOffset.UnixEpoch),
        })
        { Stale = new Dictionary<string, DateTimeOffset> { ["old.js"] = DateTimeOffset.UnixEpoch } };
        using var streamed = new MemoryStream();

        manifest.WriteJson(streamed, "test", DateTimeOffset.UnixEpoch);

        Assert.Equal(manifest.ToJson("test", DateTimeOffset.UnixEpoch), streamed.ToArray());
        Assert.True(DeployManifest.FromJson(streamed.ToArray())!.SameAs(manifest));
    }
}
