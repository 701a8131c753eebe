using System.Text;
using S3Deploy.Cli;
using S3Deploy.Core.Scanning;
using S3Deploy.IntegrationTests.Infrastructure;
using S3Deploy.TestSupport;

namespace S3Deploy.IntegrationTests;

/// <summary>The local hash cache against a real S3 API: it saves reading unchanged files and never hides a change.</summary>
public sealed class HashCacheTests(Servers servers) : ServerTest(servers)
{
    [Theory, OnS3rver, OnMoto]
    public async Task A_file_rewritten_with_the_same_size_and_its_old_mtime_is_still_uploaded(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("app.js", "version-1"), ("index.html", "<h1>home</h1>"));
        var caches = Own(new TempSite());
        var options = Options(site) with { HashCacheFolder = caches.Path, HashCacheSettle = TimeSpan.Zero };
        await DeployAsync(options);
        var mtime = File.GetLastWriteTimeUtc(site.FullPath("app.js"));

        // As 'touch -d' would: same size, mtime set back; only the ctime, which nothing can set back, tells.
        site.Write("app.js", "version-2");
        File.SetLastWriteTimeUtc(site.FullPath("app.js"), mtime);
        var info = new InfoLines();
        var result = await DeployAsync(options, info);

        Assert.Equal(["upload:content:app.js"], Describe(result));
        Assert.Equal("version-2", Encoding.UTF8.GetString(await Bucket.GetAsync("app.js")));
        Assert.Contains(info.Lines, l => l.Contains("1 unchanged since the last scan, not read (hash cache)", StringComparison.Ordinal));
    }

    [Theory, OnS3rver, OnMoto]
    public async Task No_hash_cache_writes_no_cache_file_and_the_default_does(Emulator emulator)
    {
        await UseAsync(emulator);
        var site = Site(("index.html", "<h1>home</h1>"));
        var caches = Own(new TempSite());
        var file = HashCacheFolder.FileFor(caches.Path, RealPaths.Resolve(site.Path));
        var before = Environment.GetEnvironmentVariable(HashCacheFolder.Variable);
        Environment.SetEnvironmentVariable(HashCacheFolder.Variable, caches.Path);
        try
        {
            // Past the settling time, so the default deploy would cache the file: the absence of a file then means something.
            await Task.Delay(HashCache.DefaultSettle + TimeSpan.FromSeconds(0.5));
            var without = await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}", "--no-hash-cache");
            var existedAfterWithout = File.Exists(file);
            var with = await RunAsync("deploy", site.Path, $"s3://{Bucket.Name}");

            Assert.Equal(0, without);
            Assert.False(existedAfterWithout);
            Assert.Equal(0, with);
            Assert.True(File.Exists(file), "the default deploy keeps a cache of a file that settled");
        }
        finally
        {
            Environment.SetEnvironmentVariable(HashCacheFolder.Variable, before);
        }
    }

    private async Task<int> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return await CliApp.RunAsync([.. args, "--endpoint-url", Server.Endpoint], stdout, stderr, interactive: false, CancellationToken.None);
    }
}
