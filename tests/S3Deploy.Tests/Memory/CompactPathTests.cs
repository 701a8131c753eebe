using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests.Memory;

/// <summary>A scanned file holds its key and the shared folder, not a full path of its own; the path it gives is the real one.</summary>
public sealed class CompactPathTests : ScanTest
{
    [Fact]
    public async Task A_file_at_its_key_keeps_no_path_string_of_its_own()
    {
        var path = Site.Write("css/site.css", "body{}");

        var file = Assert.Single((await Scan(Site.Path)).Files);

        Assert.Same(file.RelativeKey, file.Location.Below);
        Assert.Equal(Path.GetFullPath(path), file.FullPath);
    }

    [Fact]
    public void Paths_are_equal_by_what_they_spell_whichever_way_they_are_held()
    {
        var shared = FilePath.Of("/srv/site/a.css", "/srv/site/", "a.css");

        Assert.Equal(new FilePath("/srv/site/a.css"), shared);
        Assert.Equal("/srv/site/a.css", shared.Full);
        Assert.Equal("/srv/site/b.css", FilePath.Of("/srv/site/b.css", "/srv/site/", "a.css").Full);
        Assert.Equal(new LocalFile("a.css", "/srv/site/a.css", 1, "m"), new LocalFile("a.css", shared, 1, "m"));
    }
}
