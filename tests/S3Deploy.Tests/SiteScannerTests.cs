using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Remote;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests;

public sealed class SiteScannerTests : IDisposable
{
    private readonly TempFolder site = new();
    private readonly TempFolder outside = new();

    public void Dispose()
    {
        site.Dispose();
        outside.Dispose();
    }

    private static Task<ScanResult> Scan(string root, bool followSymlinks = false, params string[] excludes) =>
        new SiteScanner(ExcludeFilter.Parse(excludes), followSymlinks, DeployManifest.Folder).ScanAsync(root, CancellationToken.None);

    private static List<string> Keys(ScanResult scan) => scan.Files.Select(f => f.RelativeKey).ToList();

    [Fact]
    public async Task Keys_use_forward_slashes_in_ordinal_order()
    {
        site.Write("index.html", "<html/>");
        site.Write("css/site.css", "body{}");
        site.Write("a/b/c/deep.txt", "deep");
        site.Write("B.txt", "upper");

        var scan = await Scan(site.Path);

        Assert.Equal(["B.txt", "a/b/c/deep.txt", "css/site.css", "index.html"], Keys(scan));
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Md5_size_and_path_match_the_file_bytes()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        var path = site.Write("img/photo.bin", bytes);
        site.Write("empty.txt", []);

        var scan = await Scan(site.Path);

        var photo = Assert.Single(scan.Files, f => f.RelativeKey == "img/photo.bin");
        Assert.Equal(bytes.Length, photo.Size);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), photo.Md5Hex);
        Assert.Equal(Path.GetFullPath(path), photo.FullPath);
        var empty = Assert.Single(scan.Files, f => f.RelativeKey == "empty.txt");
        Assert.Equal(0, empty.Size);
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", empty.Md5Hex);
    }

    [Fact]
    public async Task Decomposed_file_names_become_composed_keys()
    {
        site.Write("cafe\u0301/menu\u0301.html", "x");

        var scan = await Scan(site.Path);

        Assert.Equal(["caf\u00e9/men\u00fa.html"], Keys(scan));
    }

    [DistinctUnicodeNamesFact]
    public async Task Names_that_normalize_to_the_same_key_are_refused()
    {
        site.Write("caf\u00e9.html", "composed");
        site.Write("cafe\u0301.html", "decomposed");
        Assert.Equal(2, Directory.GetFiles(site.Path).Length);

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(site.Path));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("caf\u00e9.html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluded_files_are_skipped()
    {
        site.Write("app.js", "js");
        site.Write("app.js.map", "map");
        site.Write("lib/vendor.js.map", "map");

        var scan = await Scan(site.Path, false, "*.map");

        Assert.Equal(["app.js"], Keys(scan));
    }

    [Fact]
    public async Task Excluded_folders_are_skipped_whole()
    {
        site.Write("index.html", "x");
        site.Write("drafts/a.html", "x");
        site.Write("drafts/deep/b.html", "x");
        site.Write("drafts-final/c.html", "x");
        site.Write("assets/app.js", "x");
        site.Write("assets/img/logo.png", "x");

        var scan = await Scan(site.Path, false, "drafts/", "assets/**");

        Assert.Equal(["drafts-final/c.html", "index.html"], Keys(scan));
    }

    [Fact]
    public async Task Reserved_folder_at_the_top_is_skipped_with_a_warning()
    {
        site.Write("index.html", "x");
        site.Write(".s3deploy/manifest.json", "{}");
        site.Write("docs/.s3deploy/notes.txt", "kept: only the top-level folder is reserved");

        var scan = await Scan(site.Path);

        Assert.Equal(["docs/.s3deploy/notes.txt", "index.html"], Keys(scan));
        var warning = Assert.Single(scan.Warnings).ToString();
        Assert.Contains(".s3deploy", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_to_a_file_outside_the_source_is_skipped_with_a_warning()
    {
        site.Write("index.html", "x");
        var secret = outside.Write("secret.txt", "secret");
        File.CreateSymbolicLink(site.Combine("leak.txt"), secret);

        var scan = await Scan(site.Path);

        Assert.Equal(["index.html"], Keys(scan));
        var warning = Assert.Single(scan.Warnings).ToString();
        Assert.Contains("leak.txt", warning, StringComparison.Ordinal);
        Assert.Contains("--follow-symlinks", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_to_a_file_outside_the_source_is_deployed_with_follow_symlinks()
    {
        var secret = outside.Write("shared.txt", "shared bytes");
        File.CreateSymbolicLink(site.Combine("shared.txt"), secret);

        var scan = await Scan(site.Path, followSymlinks: true);

        var file = Assert.Single(scan.Files);
        Assert.Equal("shared.txt", file.RelativeKey);
        Assert.Equal("shared bytes".Length, file.Size);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("shared bytes"u8)), file.Md5Hex);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Symlink_to_a_folder_outside_the_source_is_skipped_without_follow_symlinks()
    {
        outside.Write("lib/a.js", "a");
        Directory.CreateSymbolicLink(site.Combine("lib"), outside.Combine("lib"));

        var scan = await Scan(site.Path);

        Assert.Empty(scan.Files);
        Assert.Contains("lib", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_to_a_file_inside_the_source_is_followed()
    {
        site.Write("real/page.html", "page");
        File.CreateSymbolicLink(site.Combine("alias.html"), Path.Combine("real", "page.html"));

        var scan = await Scan(site.Path);

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
        site.Write("real/page.html", "page");
        Directory.CreateSymbolicLink(site.Combine(link), "real");

        var scan = await Scan(site.Path);

        Assert.Equal(new[] { $"{link}/page.html", "real/page.html" }.Order(StringComparer.Ordinal), Keys(scan));
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Symlink_loop_is_skipped_with_a_warning()
    {
        site.Write("docs/page.html", "x");
        Directory.CreateSymbolicLink(site.Combine("docs/again"), site.Combine("docs"));

        var scan = await Scan(site.Path);

        Assert.Equal(["docs/page.html"], Keys(scan));
        Assert.Contains("loop", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dangling_symlink_is_skipped_with_a_warning()
    {
        site.Write("index.html", "x");
        File.CreateSymbolicLink(site.Combine("broken.txt"), site.Combine("nowhere.txt"));

        var scan = await Scan(site.Path);

        Assert.Equal(["index.html"], Keys(scan));
        Assert.Contains("broken.txt", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_source_is_refused_with_S3D001()
    {
        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(site.Combine("dist")));

        Assert.Equal("S3D001", e.Code);
        Assert.Equal(FailureKind.Refused, e.Kind);
    }

    [Fact]
    public async Task File_as_source_is_refused_with_S3D002()
    {
        var file = site.Write("index.html", "x");

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(file));

        Assert.Equal("S3D002", e.Code);
        Assert.Equal(FailureKind.Refused, e.Kind);
    }

    [Fact]
    public async Task Empty_source_scans_to_no_files()
    {
        Directory.CreateDirectory(site.Combine("empty/folder"));

        var scan = await Scan(site.Path);

        Assert.Empty(scan.Files);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Key_longer_than_1024_bytes_is_refused()
    {
        // 5 folders of 120 'é' (240 bytes each in UTF-8) stay under NAME_MAX (255) but make a key of over 1200 bytes.
        var segment = new string('\u00e9', 120);
        site.Write(string.Join('/', Enumerable.Repeat(segment, 5)) + "/f.txt", "x");

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(site.Path));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("1024", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_through_a_skipped_outside_folder_link_is_skipped_too()
    {
        // root/etc -> /etc is skipped; root/pw.txt -> etc/passwd used to be judged by its text (inside) and read /etc/passwd.
        site.Write("index.html", "x");
        outside.Write("etc/passwd", "root:x:0:0");
        Directory.CreateSymbolicLink(site.Combine("etc"), outside.Combine("etc"));
        File.CreateSymbolicLink(site.Combine("pw.txt"), Path.Combine("etc", "passwd"));

        var scan = await Scan(site.Path);

        Assert.Equal(["index.html"], Keys(scan));
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'pw.txt'", StringComparison.Ordinal));
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'etc'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folder_link_through_an_outside_link_is_skipped()
    {
        // root/h -> ~ and root/assets -> h/.aws: assets/credentials must never be read.
        outside.Write(".aws/credentials", "aws_secret_access_key = x");
        Directory.CreateSymbolicLink(site.Combine("h"), outside.Path);
        Directory.CreateSymbolicLink(site.Combine("assets"), Path.Combine("h", ".aws"));

        var scan = await Scan(site.Path, false, "none");

        Assert.Empty(scan.Files);
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'assets'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dot_dot_after_an_outside_link_is_resolved_where_the_link_leads()
    {
        // d -> OUTSIDE/x/y, evil -> d/../secret.txt: by text that is ROOT/secret.txt (which exists), but the kernel opens OUTSIDE/x/secret.txt.
        site.Write("secret.txt", "public decoy");
        outside.Write("x/secret.txt", "outside secret");
        Directory.CreateDirectory(outside.Combine("x/y"));
        Directory.CreateSymbolicLink(site.Combine("d"), outside.Combine("x/y"));
        File.CreateSymbolicLink(site.Combine("evil"), Path.Combine("d", "..", "secret.txt"));

        var scan = await Scan(site.Path);

        Assert.Equal(["secret.txt"], Keys(scan));
        Assert.Contains(scan.Warnings, w => w.ToString().StartsWith("S3D104", StringComparison.Ordinal) && w.ToString().Contains("'evil'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_to_a_file_inside_is_read_from_its_target()
    {
        var target = site.Write("a.css", "body{}");
        File.CreateSymbolicLink(site.Combine("b.css"), "a.css");

        var scan = await Scan(site.Path);

        var link = Assert.Single(scan.Files, f => f.RelativeKey == "b.css");
        Assert.Equal(Path.GetFullPath(target), link.FullPath);
        Assert.Equal("body{}".Length, link.Size);
    }

    [Fact]
    public async Task Named_pipe_is_skipped_with_a_warning_and_never_opened()
    {
        site.Write("index.html", "x");
        Run("mkfifo", site.Combine("pipe"));

        var scan = await Scan(site.Path).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["index.html"], Keys(scan));
        Assert.Contains("S3D105: Skipped 'pipe': a named pipe", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_is_skipped_with_a_warning()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(site.Combine("control.sock")));

        var scan = await Scan(site.Path, false, "none");

        Assert.Empty(scan.Files);
        Assert.Contains("S3D105: Skipped 'control.sock': a socket", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_to_a_device_is_skipped_even_with_follow_symlinks()
    {
        File.CreateSymbolicLink(site.Combine("zero.bin"), "/dev/zero");

        var scan = await Scan(site.Path, followSymlinks: true).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(scan.Files);
        Assert.Contains("S3D105: Skipped 'zero.bin': a character device", Assert.Single(scan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluded_pipe_gives_no_warning()
    {
        site.Write("index.html", "x");
        Run("mkfifo", site.Combine("pipe"));

        var scan = await Scan(site.Path, false, "pipe");

        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Name_with_a_unicode_non_character_is_refused_with_S3D009()
    {
        site.Write("bad\uFFFEname.html", "x");

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(site.Path));

        Assert.Equal(DiagnosticCode.BadSourceFile, e.Code);
        Assert.Contains("bad\\ufffename.html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_with_a_unicode_non_character_can_be_excluded_as_the_message_says()
    {
        site.Write("index.html", "x");
        site.Write("bad\uFFFEname.html", "x");

        var scan = await Scan(site.Path, false, "bad?name.html");

        Assert.Equal(["index.html"], Keys(scan));
    }

    [Fact]
    public async Task Path_longer_than_PATH_MAX_is_refused_with_S3D009()
    {
        // mkdir -p creates one folder at a time from inside the last, as no single path may be that long.
        Run("mkdir", "-p", site.Combine(string.Concat(Enumerable.Repeat("d/", 2100))));
        try
        {
            var e = await Assert.ThrowsAsync<DeployException>(() => Scan(site.Path));

            Assert.Equal(DiagnosticCode.BadSourceFile, e.Code);
            Assert.Contains("'d/d/d/d/", e.Message, StringComparison.Ordinal);
            Assert.True(e.Message.Contains("longer than the operating system allows", StringComparison.Ordinal), e.Message);
        }
        finally
        {
            Run("rm", "-rf", site.Combine("d"));
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {error}");
    }
}
