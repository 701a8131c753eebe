using System.Security.Cryptography;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Tests;

public sealed class SiteScannerTests : ScanTest
{
    [Fact]
    public async Task Keys_use_forward_slashes_in_ordinal_order()
    {
        Site.Write("index.html", "<html/>");
        Site.Write("css/site.css", "body{}");
        Site.Write("a/b/c/deep.txt", "deep");
        Site.Write("B.txt", "upper");

        var scan = await Scan(Site.Path);

        Assert.Equal(["B.txt", "a/b/c/deep.txt", "css/site.css", "index.html"], Keys(scan));
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Md5_size_and_path_match_the_file_bytes()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        var path = Site.Write("img/photo.bin", bytes);
        Site.Write("empty.txt", []);

        var scan = await Scan(Site.Path);

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
        Site.Write("cafe\u0301/menu\u0301.html", "x");

        var scan = await Scan(Site.Path);

        Assert.Equal(["caf\u00e9/men\u00fa.html"], Keys(scan));
    }

    [DistinctUnicodeNamesFact]
    public async Task Names_that_normalize_to_the_same_key_are_refused()
    {
        Site.Write("caf\u00e9.html", "composed");
        Site.Write("cafe\u0301.html", "decomposed");
        Assert.Equal(2, Directory.GetFiles(Site.Path).Length);

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(Site.Path));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("caf\u00e9.html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluded_files_are_skipped()
    {
        Site.Write("app.js", "js");
        Site.Write("app.js.map", "map");
        Site.Write("lib/vendor.js.map", "map");

        var scan = await Scan(Site.Path, false, "*.map");

        Assert.Equal(["app.js"], Keys(scan));
    }

    [Fact]
    public async Task Excluded_folders_are_skipped_whole()
    {
        Site.Write("index.html", "x");
        Site.Write("drafts/a.html", "x");
        Site.Write("drafts/deep/b.html", "x");
        Site.Write("drafts-final/c.html", "x");
        Site.Write("assets/app.js", "x");
        Site.Write("assets/img/logo.png", "x");

        var scan = await Scan(Site.Path, false, "drafts/", "assets/**");

        Assert.Equal(["drafts-final/c.html", "index.html"], Keys(scan));
    }

    [Fact]
    public async Task Reserved_folder_at_the_top_is_skipped_with_a_warning()
    {
        Site.Write("index.html", "x");
        Site.Write(".s3deploy/manifest.json", "{}");
        Site.Write("docs/.s3deploy/notes.txt", "kept: only the top-level folder is reserved");

        var scan = await Scan(Site.Path);

        Assert.Equal(["docs/.s3deploy/notes.txt", "index.html"], Keys(scan));
        var warning = Assert.Single(scan.Warnings).ToString();
        Assert.Contains(".s3deploy", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_source_is_refused_with_S3D001()
    {
        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(Site.Combine("dist")));

        Assert.Equal("S3D001", e.Code);
        Assert.Equal(FailureKind.Refused, e.Kind);
    }

    [Fact]
    public async Task File_as_source_is_refused_with_S3D002()
    {
        var file = Site.Write("index.html", "x");

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(file));

        Assert.Equal("S3D002", e.Code);
        Assert.Equal(FailureKind.Refused, e.Kind);
    }

    [Fact]
    public async Task Empty_source_scans_to_no_files()
    {
        Directory.CreateDirectory(Site.Combine("empty/folder"));

        var scan = await Scan(Site.Path);

        Assert.Empty(scan.Files);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public async Task Key_longer_than_1024_bytes_is_refused()
    {
        // 5 folders of 120 'é' (240 bytes each in UTF-8) stay under NAME_MAX (255) but make a key of over 1200 bytes.
        var segment = new string('\u00e9', 120);
        Site.Write(string.Join('/', Enumerable.Repeat(segment, 5)) + "/f.txt", "x");

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(Site.Path));

        Assert.Equal(DiagnosticCode.BadOption, e.Code);
        Assert.Contains("1024", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_with_a_unicode_non_character_is_refused_with_S3D009()
    {
        Site.Write("bad\uFFFEname.html", "x");

        var e = await Assert.ThrowsAsync<DeployException>(() => Scan(Site.Path));

        Assert.Equal(DiagnosticCode.BadSourceFile, e.Code);
        Assert.Contains("bad\\ufffename.html", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_with_a_unicode_non_character_can_be_excluded_as_the_message_says()
    {
        Site.Write("index.html", "x");
        Site.Write("bad\uFFFEname.html", "x");

        var scan = await Scan(Site.Path, false, "bad?name.html");

        Assert.Equal(["index.html"], Keys(scan));
    }
}
