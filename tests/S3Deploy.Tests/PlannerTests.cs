using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class PlannerTests
{
    private const string MultipartETag = "0123456789abcdef0123456789abcdef-3";

    [Fact]
    public void Key_missing_from_the_bucket_is_uploaded_as_new()
    {
        var d = Desired("css/site.css", "body{}");

        var plan = Plan([d], EmptyBucket());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(("css/site.css", ActionKind.Upload, ActionReason.New), (action.RelativeKey, action.Kind, action.Reason));
        Assert.Same(d, action.Desired);
        Assert.Equal("upload", action.KindName);
        Assert.Equal("new", action.ReasonName);
    }

    [Fact]
    public void Same_size_and_md5_etag_with_trusted_manifest_headers_is_unchanged()
    {
        var d = Desired("css/site.css", "body{}");
        var remote = Remote("css/site.css", "body{}");
        var state = State([remote], [(d.RelativeKey, EntryFor(d, remote))]);

        var plan = Plan([d], state);

        Assert.Empty(plan.Actions);
        Assert.Equal(1, plan.Unchanged);
        Assert.Empty(Planner.KeysToProbe([d], state));
    }

    [Fact]
    public void Different_content_of_the_same_size_is_uploaded_for_content()
    {
        var d = Desired("a.css", "body{color:red}");
        var remote = Remote("a.css", "body{color:tan}");
        var state = State([remote], [(d.RelativeKey, new(remote.ETag, remote.Size, remote.ETag, d.Headers.Fingerprint()))]);

        var plan = Plan([d], state);

        var action = Assert.Single(plan.Actions);
        Assert.Equal((ActionKind.Upload, ActionReason.Content), (action.Kind, action.Reason));
        Assert.Equal("content", action.ReasonName);
    }

    [Fact]
    public void Different_size_is_uploaded_for_content_even_if_the_etag_matches()
    {
        var d = Desired("a.css", "body{}");
        var remote = Remote("a.css", "body{}") with { Size = 999 };

        var action = Assert.Single(Plan([d], State([remote])).Actions);

        Assert.Equal((ActionKind.Upload, ActionReason.Content), (action.Kind, action.Reason));
    }

    [Fact]
    public void Multipart_etag_vouched_for_by_the_manifest_is_unchanged()
    {
        var d = Desired("video.css", "big bytes");
        var remote = RemoteOpaque("video.css", "big bytes", MultipartETag);
        var state = State([remote], [(d.RelativeKey, EntryFor(d, remote))]);

        var plan = Plan([d], state);

        Assert.Empty(plan.Actions);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Multipart_etag_whose_manifest_md5_differs_is_uploaded_for_content()
    {
        var d = Desired("video.css", "new bytes");
        var remote = RemoteOpaque("video.css", "old bytes", MultipartETag);
        var state = State([remote], [(d.RelativeKey, new(Md5Of("old bytes"), remote.Size, remote.ETag, d.Headers.Fingerprint()))]);

        var action = Assert.Single(Plan([d], state).Actions);

        Assert.Equal((ActionKind.Upload, ActionReason.Content), (action.Kind, action.Reason));
    }

    [Fact]
    public void Multipart_etag_without_manifest_is_uploaded_for_content()
    {
        var d = Desired("video.css", "big bytes");
        var remote = RemoteOpaque("video.css", "big bytes", MultipartETag);
        var state = State([remote]);

        var action = Assert.Single(Plan([d], state).Actions);

        Assert.Equal((ActionKind.Upload, ActionReason.Content), (action.Kind, action.Reason));
        Assert.Empty(Planner.KeysToProbe([d], state));
    }

    [Fact]
    public void Header_fingerprint_differing_in_the_manifest_updates_headers_only()
    {
        var d = Desired("index.html", "<html/>");
        var remote = Remote("index.html", "<html/>");
        var oldHeaders = new ObjectHeaders("text/html", "public, max-age=3600");
        var state = State([remote], [(d.RelativeKey, EntryFor(d, remote, oldHeaders))]);

        var plan = Plan([d], state);

        var action = Assert.Single(plan.Actions);
        Assert.Equal((ActionKind.UpdateHeaders, ActionReason.Headers), (action.Kind, action.Reason));
        Assert.Equal(("update-headers", "headers"), (action.KindName, action.ReasonName));
        Assert.Equal(0, action.BytesToSend);
        Assert.Empty(Planner.KeysToProbe([d], state));
    }

    [Fact]
    public void Equal_bytes_without_a_manifest_entry_are_probed()
    {
        var same = Desired("a.css", "same");
        var changed = Desired("b.css", "local");
        var added = Desired("c.css", "new");
        var state = State([Remote("a.css", "same"), Remote("b.css", "remot")]);

        var keys = Planner.KeysToProbe([same, changed, added], state);

        Assert.Equal(["a.css"], keys);
    }

    [Fact]
    public void Probed_fingerprint_equal_to_desired_headers_is_unchanged()
    {
        var d = Desired("a.css", "same");
        var state = State([Remote("a.css", "same")]);
        var probed = new Dictionary<string, ObjectHeaders> { ["a.css"] = d.Headers };

        var plan = Plan([d], state, probed: probed);

        Assert.Empty(plan.Actions);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Probed_fingerprint_different_from_desired_headers_updates_headers()
    {
        var d = Desired("a.css", "same");
        var state = State([Remote("a.css", "same")]);
        var probed = new Dictionary<string, ObjectHeaders> { ["a.css"] = new ObjectHeaders("binary/octet-stream") };

        var action = Assert.Single(Plan([d], state, probed: probed).Actions);

        Assert.Equal((ActionKind.UpdateHeaders, ActionReason.Headers), (action.Kind, action.Reason));
    }

    [Fact]
    public void Unprobed_key_without_trusted_headers_updates_headers()
    {
        var d = Desired("a.css", "same");

        var action = Assert.Single(Plan([d], State([Remote("a.css", "same")])).Actions);

        Assert.Equal(ActionKind.UpdateHeaders, action.Kind);
    }

    [Fact]
    public void Manifest_entry_for_an_object_someone_else_overwrote_is_not_trusted()
    {
        // The manifest says we wrote this multipart object with our bytes; since then another tool replaced it.
        var d = Desired("video.css", "big bytes");
        var ours = RemoteOpaque("video.css", "big bytes", MultipartETag);
        var theirs = ours with { ETag = "fedcba9876543210fedcba9876543210-2" };
        var state = State([theirs], [(d.RelativeKey, EntryFor(d, ours))]);

        var action = Assert.Single(Plan([d], state).Actions);

        Assert.Equal((ActionKind.Upload, ActionReason.Content), (action.Kind, action.Reason));
    }

    [Fact]
    public void Stale_manifest_headers_are_not_trusted_when_the_etag_changed()
    {
        // Same bytes (plain MD5 ETag), but the object is not the one the manifest recorded: its headers must be probed.
        var d = Desired("a.css", "same");
        var remote = Remote("a.css", "same");
        var entry = EntryFor(d, remote) with { ETag = "00000000000000000000000000000000" };
        var state = State([remote], [(d.RelativeKey, entry)]);

        Assert.Equal(["a.css"], Planner.KeysToProbe([d], state));
        var action = Assert.Single(Plan([d], state).Actions);
        Assert.Equal(ActionKind.UpdateHeaders, action.Kind);
    }

    [Fact]
    public void Manifest_entry_with_a_different_size_is_not_trusted()
    {
        var d = Desired("video.css", "big bytes");
        var remote = RemoteOpaque("video.css", "big bytes", MultipartETag);
        var state = State([remote], [(d.RelativeKey, EntryFor(d, remote) with { Size = remote.Size + 1 })]);

        var action = Assert.Single(Plan([d], state).Actions);

        Assert.Equal(ActionReason.Content, action.Reason);
    }

    [Fact]
    public void Remote_only_key_is_deleted_as_stale_when_delete_is_on()
    {
        var plan = Plan([], State([Remote("old.html", "x")]), delete: true);

        var action = Assert.Single(plan.Actions);
        Assert.Equal(("old.html", ActionKind.Delete, ActionReason.Stale, Phase.Deletes), (action.RelativeKey, action.Kind, action.Reason, action.Phase));
        Assert.Null(action.Desired);
        Assert.Equal(("delete", "stale"), (action.KindName, action.ReasonName));
        Assert.Equal(0, action.BytesToSend);
    }

    [Fact]
    public void Remote_only_key_is_kept_when_delete_is_off()
    {
        var plan = Plan([], State([Remote("old.html", "x")]), delete: false);

        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Keys_that_are_not_deletable_are_never_deleted()
    {
        var state = State([Remote("keep.map", "x"), Remote("old.css", "y")]);

        var plan = Planner.Plan([], state, NoProbes, delete: true, isDeletable: k => !k.EndsWith(".map", StringComparison.Ordinal));

        Assert.Equal(["old.css"], plan.Actions.Select(a => a.RelativeKey));
    }

    [Fact]
    public void Folder_markers_are_never_deleted()
    {
        var state = State([Remote("dir/", ""), Remote("", ""), Remote("dir/old.css", "y")]);

        var plan = Plan([], state, delete: true);

        Assert.Equal(["dir/old.css"], plan.Actions.Select(a => a.RelativeKey));
    }

    [Fact]
    public void Deletes_are_in_ordinal_key_order()
    {
        var state = State([Remote("b.css", "1"), Remote("B.css", "2"), Remote("a/z.css", "3")]);

        var plan = Plan([], state);

        Assert.Equal(["B.css", "a/z.css", "b.css"], plan.Actions.Select(a => a.RelativeKey));
    }

    [Fact]
    public void Entry_documents_assets_and_deletes_are_in_their_phases()
    {
        var page = Desired("index.html", "<html/>");
        var style = Desired("site.css", "body{}");
        var plan = Plan([page, style], State([Remote("gone.js", "x")]));

        Assert.Equal(["index.html"], plan.InPhase(Phase.EntryDocuments).Select(a => a.RelativeKey));
        Assert.Equal(["site.css"], plan.InPhase(Phase.Assets).Select(a => a.RelativeKey));
        Assert.Equal(["gone.js"], plan.InPhase(Phase.Deletes).Select(a => a.RelativeKey));
    }

    [Fact]
    public void Header_update_of_an_entry_document_is_in_the_entry_documents_phase()
    {
        var d = Desired("index.html", "<html/>");
        var state = State([Remote("index.html", "<html/>")]);

        var action = Assert.Single(Plan([d], state).Actions);

        Assert.Equal((ActionKind.UpdateHeaders, Phase.EntryDocuments), (action.Kind, action.Phase));
    }

    [Fact]
    public void Plan_counts_unchanged_objects_and_bytes_to_send()
    {
        var unchanged = Desired("same.css", "same");
        var added = Desired("new.css", "twelve bytes");
        var changed = Desired("changed.html", "0123456789");
        var retitled = Desired("headers.css", "hdr");
        var state = State(
            [Remote("same.css", "same"), Remote("changed.html", "old"), Remote("headers.css", "hdr"), Remote("stale.css", "x"), Remote("stale2.css", "y")],
            [("same.css", EntryFor(unchanged, Remote("same.css", "same"))), ("headers.css", EntryFor(retitled, Remote("headers.css", "hdr"), new ObjectHeaders("text/plain")))]);

        var plan = Plan([unchanged, added, changed, retitled], state);

        Assert.Equal(2, plan.Count(ActionKind.Upload));
        Assert.Equal(1, plan.Count(ActionKind.UpdateHeaders));
        Assert.Equal(2, plan.Count(ActionKind.Delete));
        Assert.Equal(1, plan.Unchanged);
        Assert.Equal(12 + 10, plan.BytesToSend);
        Assert.Same(state, plan.Before);
    }
}
