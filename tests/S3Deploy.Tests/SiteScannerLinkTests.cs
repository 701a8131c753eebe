using System.Security.Cryptography;

namespace S3Deploy.Tests;

/// <summary>Symlinks inside and outside the source folder, with and without --follow-symlinks.</summary>
public sealed class SiteScannerLinkTests : ScanTest
{
    [Fact]
    public async Task Symlink_to_a_file_outside_the_source_is_skipped_with_a_warning()
    {
        Site.Write("index.html", "x");
        var secret = Outside.Write("secret.txt", "secret");
        File.CreateSymbolicLink(Site.Combine("leak.txt"), secret);

        var scan = await Scan(Site.Path);

        Assert.Equal(["index.html"], Keys(scan));
        var warning = Assert.Single(scan.Warnings).ToString();
        Assert.Contains("leak.txt", warning, StringComparison.Ordinal);
        Assert.Contains("--follow-symlinks", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_to_a_file_outside_the_source_is_deployed_with_follow_symlinks()
    {
        var secret = Outside.Write("shared.txt", "shared bytes");
        File.CreateSymbolicLink(Site.Combine("shared.txt"), secret);

        var scan = await Scan(Site.Path, followSymlinks: true);

        var file = Assert.Single(scan.Files);
        Assert.Equal("shared.txt", file.RelativeKey);
        Assert.Equal("shared bytes".Length, file.Size);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("shared bytes"u8)), file.Md5Hex);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Symlink_to_a_folder_outside_the_source_is_skipped_without_follow_symlinks()
    {
        Outside.Write("lib/a.js", "a");
        Directory.CreateSymbolicLink(Site.Combine("lib"), Outside.Combine("lib"));

        var scan = await Scan(Site.Path);

        Assert.Empty(scan.Files);
        Assert.Contains("lib", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_to_a_file_inside_the_source_is_followed()
    {
        Site.Write("real/page.html", "page");
        File.CreateSymbolicLink(Site.Combine("alias.html"), Path.Combine("real", "page.html"));

        var scan = await Scan(Site.Path);

        Assert.Equal(["alias.html", "real/page.html"], Keys(scan));
        Assert.Equal(scan.Files[0].Md5Hex, scan.Files[1].Md5Hex);
        Assert.Empty(scan.Warnings);
    }

    [Theory]
    [InlineData("alias")]
    [InlineData("zlink")]
    public async Task Symlink_to_a_folder_inside_the_source_is_followed_and_the_folder_kept(string link)
    {
        // A loop is a link back to a folder above; a second path to a folder beside it is not one, in either sort order.
        Site.Write("real/page.html", "page");
        Directory.CreateSymbolicLink(Site.Combine(link), "real");

        var scan = await Scan(Site.Path);

        Assert.Equal(new[] { $"{link}/page.html", "real/page.html" }.Order(StringComparer.Ordinal), Keys(scan));
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Symlink_loop_is_skipped_with_a_warning()
    {
        Site.Write("docs/page.html", "x");
        Directory.CreateSymbolicLink(Site.Combine("docs/again"), Site.Combine("docs"));

        var scan = await Scan(Site.Path);

        Assert.Equal(["docs/page.html"], Keys(scan));
        Assert.Contains("loop", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dangling_symlink_is_skipped_with_a_warning()
    {
        Site.Write("index.html", "x");
        File.CreateSymbolicLink(Site.Combine("broken.txt"), Site.Combine("nowhere.txt"));

        var scan = await Scan(Site.Path);

        Assert.Equal(["index.html"], Keys(scan));
        Assert.Contains("broken.txt", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_through_a_skipped_outside_folder_link_is_skipped_too()
    {
        // root/etc -> /etc is skipped; root/pw.txt -> etc/passwd used to be judged by its text (inside) and read /etc/passwd.
        Site.Write("index.html", "x");
        Outside.Write("etc/passwd", "root:x:0:0");
        Directory.CreateSymbolicLink(Site.Combine("etc"), Outside.Combine("etc"));
        File.CreateSymbolicLink(Site.Combine("pw.txt"), Path.Combine("etc", "passwd"));

        var scan = await Scan(Site.Path);

        Assert.Equal(["index.html"], Keys(scan));
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'pw.txt'", StringComparison.Ordinal));
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'etc'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folder_link_through_an_outside_link_is_skipped()
    {
        // root/h -> ~ and root/assets -> h/.aws: assets/credentials must never be read.
        Outside.Write(".aws/credentials", "aws_secret_access_key = x");
        Directory.CreateSymbolicLink(Site.Combine("h"), Outside.Path);
        Directory.CreateSymbolicLink(Site.Combine("assets"), Path.Combine("h", ".aws"));

        var scan = await Scan(Site.Path, false, "none");

        Assert.Empty(scan.Files);
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'assets'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dot_dot_after_an_outside_link_is_resolved_where_the_link_leads()
    {
        // d -> OUTSIDE/x/y, evil -> d/../secret.txt: by text that is ROOT/secret.txt (which exists), but the kernel opens OUTSIDE/x/secret.txt.
        Site.Write("secret.txt", "public decoy");
        Outside.Write("x/secret.txt", "outside secret");
        Directory.CreateDirectory(Outside.Combine("x/y"));
        Directory.CreateSymbolicLink(Site.Combine("d"), Outside.Combine("x/y"));
        File.CreateSymbolicLink(Site.Combine("evil"), Path.Combine("d", "..", "secret.txt"));

        var scan = await Scan(Site.Path);

        Assert.Equal(["secret.txt"], Keys(scan));
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'evil'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_to_a_file_inside_is_read_from_its_target()
    {
        var target = Site.Write("a.css", "body{}");
        File.CreateSymbolicLink(Site.Combine("b.css"), "a.css");

        var scan = await Scan(Site.Path);

        var link = Assert.Single(scan.Files, f => f.RelativeKey == "b.css");
        Assert.Equal(Path.GetFullPath(target), link.FullPath);
        Assert.Equal("body{}".Length, link.Size);
    }
}
