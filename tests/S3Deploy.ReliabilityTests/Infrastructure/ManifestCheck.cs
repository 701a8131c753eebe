using S3Deploy.Core.Headers;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>
/// What the deploy manifest may and may not say. It may name an object that is gone or was replaced since (a deploy
/// killed after its deletes or uploads, before the manifest write): the planner only trusts an entry whose ETag is the
/// listed one. What must never happen is an entry whose ETag is the listed one while the object's bytes or headers are
/// not the ones it records. On s3rver an ETag is the MD5 of the stored bytes, so that is checkable here.
/// </summary>
internal static class ManifestCheck
{
    /// <returns>How many entries match their object exactly, and how many are outdated (harmless).</returns>
    /// <param name="headSample">Check the headers of about this many trusted entries, spread over the keys with HEAD (bytes are checked for all).</param>
    public static async Task<(int Trusted, int Outdated)> AssertTruthfulAsync(Bucket bucket, string prefix, int headSample = int.MaxValue)
    {
        var keyPrefix = prefix.Length == 0 ? "" : prefix + "/";
        var listed = await bucket.ListAsync(keyPrefix);
        if (!listed.ContainsKey(keyPrefix + DeployManifest.RelativeKey))
        {
            return (0, 0);
        }

        var manifest = DeployManifest.FromJson(await bucket.GetAsync(keyPrefix + DeployManifest.RelativeKey));
        Assert.NotNull(manifest);
        var policy = new HeaderPolicy(new HeaderSettings(), MimeTypes.Default);
        var (trusted, outdated) = (0, 0);
        foreach (var (key, entry) in manifest.Objects)
        {
            if (listed.GetValueOrDefault(keyPrefix + key) != entry.ETag)
            {
                outdated++;
                continue;
            }

            trusted++;
            Assert.True(entry.Md5 == entry.ETag, $"The manifest records MD5 {entry.Md5} for '{key}', whose stored bytes have MD5 {entry.ETag}.");
            if (headSample < manifest.Objects.Count && trusted % (manifest.Objects.Count / headSample) != 0)
            {
                continue;
            }

            var head = await bucket.HeadAsync(keyPrefix + key);
            Assert.Equal(entry.Size, head.ContentLength);
            var desired = policy.Describe(new LocalFile(key, "", entry.Size, entry.Md5)).Headers;
            Assert.True(desired.Fingerprint() == entry.Headers, $"{key}: desired {desired} vs recorded {entry.Headers}");
            Assert.Equal(entry.Headers, BucketReader.HeadersOf(head).AsComparedWith(desired).Fingerprint());
        }

        return (trusted, outdated);
    }
}
