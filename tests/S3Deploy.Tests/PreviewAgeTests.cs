using S3Deploy.Core.Remote;
using S3Deploy.Core.Removal;

namespace S3Deploy.Tests;

/// <summary>Which previews <c>previews prune</c> removes: those whose newest object is older than the limit.</summary>
public sealed class PreviewAgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static RemoteObject At(string key, double daysAgo) => new(key, 1, "", Now.AddDays(-daysAgo));

    [Fact]
    public void A_preview_is_as_old_as_its_newest_object()
    {
        RemoteObject[] objects =
        [
            At("1/index.html", 30), At("1/.s3deploy/manifest.json", 2),
            At("2/index.html", 9), At("2/app.js", 8),
            At("3/index.html", 1),
        ];

        var stale = PreviewPruner.Stale(objects, Now, TimeSpan.FromDays(7));

        var only = Assert.Single(stale);
        Assert.Equal("2", only.Name);
        Assert.Equal(["2/index.html", "2/app.js"], only.Objects.Select(o => o.RelativeKey));
        Assert.Equal(Now.AddDays(-8), only.Newest);
    }

    [Fact]
    public void Objects_beside_the_previews_and_objects_without_a_time_keep_what_they_are_in()
    {
        RemoteObject[] objects = [At("stray.txt", 100), At("4/index.html", 100), new("4/new.html", 1, "")];

        Assert.Empty(PreviewPruner.Stale(objects, Now, TimeSpan.FromDays(7)));
    }
}
