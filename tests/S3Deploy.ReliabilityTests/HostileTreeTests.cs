using System.Diagnostics;
using System.Text;
using S3Deploy.Core;
using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// A hostile build output: link chains that lead out of the folder, links inside it, pipes and devices. Each case is a
/// real deploy against s3rver, and the bucket is then checked with the test's own client.
/// </summary>
public sealed class HostileTreeTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private const string Secret = "aws_secret_access_key = kNoWn/TreeLeak+0123456789";

    [Fact]
    public async Task Link_through_a_link_to_etc_never_uploads_etc_passwd()
    {
        var site = Site(("index.html", "<h1>home</h1>"));
        Directory.CreateSymbolicLink(site.FullPath("etc"), "/etc");
        File.CreateSymbolicLink(site.FullPath("pw.txt"), "etc/passwd");

        var result = await DeployAsync(site);

        Assert.Equal(["index.html"], await SiteKeysAsync());
        Assert.Contains(result.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'pw.txt'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folder_link_through_a_link_to_home_never_uploads_credentials()
    {
        using var home = new TempSite();
        home.Write(".aws/credentials", Secret);
        var site = Site(("index.html", "<h1>home</h1>"));
        Directory.CreateSymbolicLink(site.FullPath("h"), home.Path);
        Directory.CreateSymbolicLink(site.FullPath("assets"), "h/.aws");

        await DeployAsync(site);

        Assert.Equal(["index.html"], await SiteKeysAsync());
        await AssertNoObjectHoldsAsync(Secret);
    }

    [Fact]
    public async Task Dot_dot_after_an_outside_link_never_uploads_what_it_reaches()
    {
        using var outside = new TempSite();
        outside.Write("x/secret.txt", Secret);
        Directory.CreateDirectory(Path.Combine(outside.Path, "x", "y"));
        var site = Site(("index.html", "<h1>home</h1>"), ("secret.txt", "public decoy"));
        Directory.CreateSymbolicLink(site.FullPath("d"), Path.Combine(outside.Path, "x", "y"));
        File.CreateSymbolicLink(site.FullPath("evil"), "d/../secret.txt");

        await DeployAsync(site);

        Assert.Equal(["index.html", "secret.txt"], await SiteKeysAsync());
        await AssertNoObjectHoldsAsync(Secret);
    }

    [Fact]
    public async Task Link_to_a_file_inside_deploys_the_target_bytes_and_converges()
    {
        var site = Site(("a.css", "body{color:red}"));
        File.CreateSymbolicLink(site.FullPath("b.css"), "a.css");

        await DeployAsync(site);
        var again = await DeployAsync(site);

        Assert.Empty(Describe(again));
        Assert.Equal(Encoding.UTF8.GetBytes("body{color:red}"), await Bucket.GetAsync("b.css"));
        await AssertConvergedAsync(site);
    }

    [Fact]
    public async Task Followed_link_to_an_outside_file_deploys_its_bytes_and_converges()
    {
        using var outside = new TempSite();
        outside.Write("shared.js", "let shared = 1;");
        var site = Site(("index.html", "<h1>home</h1>"));
        File.CreateSymbolicLink(site.FullPath("shared.js"), Path.Combine(outside.Path, "shared.js"));
        var options = Options(site) with { FollowSymlinks = true };

        await DeployAsync(options);
        var again = await DeployAsync(options);

        Assert.Empty(Describe(again));
        Assert.Equal(Encoding.UTF8.GetBytes("let shared = 1;"), await Bucket.GetAsync("shared.js"));
        Assert.Equal(["index.html", "shared.js"], await SiteKeysAsync());
    }

    [Fact]
    public async Task Pipe_and_devices_are_skipped_with_a_warning_and_the_deploy_finishes()
    {
        var site = Site(("index.html", "<h1>home</h1>"));
        Run("mkfifo", site.FullPath("pipe"));
        File.CreateSymbolicLink(site.FullPath("zero.bin"), "/dev/zero");
        var device = TryRun("mknod", site.FullPath("null.dev"), "c", "1", "3");

        var result = await DeployAsync(Options(site) with { FollowSymlinks = true }).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(["index.html"], await SiteKeysAsync());
        Assert.Contains(result.Warnings, w => w.ToString().StartsWith("S3D105: Skipped 'pipe': a named pipe", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.ToString().StartsWith("S3D105: Skipped 'zero.bin': a character device", StringComparison.Ordinal));
        Assert.True(!device || result.Warnings.Any(w => w.ToString().StartsWith("S3D105: Skipped 'null.dev': a character device", StringComparison.Ordinal)), "mknod worked, so its device must be reported");
    }

    [Fact]
    public async Task Exclude_by_folder_name_protects_its_objects_at_any_depth()
    {
        await Bucket.PutAsync("uploads/a.png", "user content");
        await Bucket.PutAsync("media/uploads/b.png", "user content");
        await Bucket.PutAsync("stale.html", "stale");
        var site = Site(("index.html", "<h1>home</h1>"));

        await DeployAsync(Options(site) with { Excludes = ["uploads"] });

        Assert.Equal(["index.html", "media/uploads/b.png", "uploads/a.png"], await SiteKeysAsync());
    }

    [Fact]
    public async Task Exclude_with_a_leading_slash_protects_only_the_top_folder()
    {
        await Bucket.PutAsync("uploads/a.png", "user content");
        await Bucket.PutAsync("media/uploads/b.png", "stale copy");
        var site = Site(("index.html", "<h1>home</h1>"));

        await DeployAsync(Options(site) with { Excludes = ["/uploads"] });

        Assert.Equal(["index.html", "uploads/a.png"], await SiteKeysAsync());
    }

    private async Task<List<string>> SiteKeysAsync() =>
        [.. (await Bucket.ListAsync()).Keys.Where(k => !k.StartsWith(".s3deploy/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private async Task AssertNoObjectHoldsAsync(string text)
    {
        foreach (var key in (await Bucket.ListAsync()).Keys)
        {
            Assert.DoesNotContain(text, Encoding.UTF8.GetString(await Bucket.GetAsync(key)));
        }
    }

    private static void Run(string file, params string[] args) => Assert.True(TryRun(file, args), $"{file} failed");

    private static bool TryRun(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
