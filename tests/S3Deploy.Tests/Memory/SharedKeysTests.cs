using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.HeaderPolicies;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests.Memory;

/// <summary>Per-key records share what is the same across keys: the folder's key strings, header sets, unchanged manifest entries.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public void A_listed_key_the_folder_has_is_the_folders_string()
    {
        var local = new string("docs/index.html".AsSpan());
        var pool = new KeyPool([local]);

        Assert.Same(local, pool.Relative("site/docs/index.html", "site/".Length));
        Assert.Equal("docs/other.html", pool.Relative("site/docs/other.html", "site/".Length));
    }

    [Fact]
    public void Files_with_the_same_headers_share_one_headers_object()
    {
        var policy = Policy(Rule("**/*.css") with { Metadata = new Dictionary<string, string> { ["team"] = "web" } });

        var a = Describe(policy, "a/site.css");
        var b = Describe(policy, "b/site.css");
        var page = Describe(policy, "index.html");

        Assert.Same(a.Headers, b.Headers);
        Assert.Equal("web", a.Headers.UserMetadata["team"]);
        Assert.NotSame(a.Headers, page.Headers);
        Assert.Equal(CacheDefaults.Entry, page.Headers.CacheControl);
    }

    [Fact]
    public void A_fingerprint_is_computed_once_per_headers_object_and_equals_a_fresh_one()
    {
        var headers = new ObjectHeaders("text/css", "max-age=60");

        Assert.Same(headers.Fingerprint(), headers.Fingerprint());
        Assert.Equal(new ObjectHeaders("text/css", "max-age=60").Fingerprint(), headers.Fingerprint());
    }

    [Fact]
    public void A_no_op_keeps_the_manifest_entries_it_read()
    {
        var d = Desired("site.css", "body{}");
        var remote = Remote("site.css", "body{}");
        var state = State([remote], [(d.RelativeKey, EntryFor(d, remote))]) with { ManifestFound = true };
        var plan = Plan([d], state);

        var manifest = ManifestBuilder.Build(plan, new Dictionary<string, StoredObject>(), new HashSet<string>());

        Assert.Empty(plan.Actions);
        Assert.Same(state.Manifest.Objects["site.css"], manifest.Objects["site.css"]);
    }
}
