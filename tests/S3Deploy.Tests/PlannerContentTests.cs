using S3Deploy.Core.Headers;
using S3Deploy.Core.Planning;
using S3Deploy.Core.Remote;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

/// <summary>How the planner decides "same bytes" for KMS ETags and compressed objects, and how probed headers compare.</summary>
public class PlannerContentTests
{
    // 32 hex characters, no dash: looks like an MD5, but is not the MD5 of any bytes used here (what SSE-KMS gives).
    private const string KmsETag = "9b2cf535f27731c974343645a3985328";

    private const string Source = "console.log('hello, compressed world');";

    // Compressed bytes are smaller than the source: what S3 stores has another size and another ETag.
    private const long CompressedSize = 27;
    private const string CompressedETag = "5d41402abc4b2a76b9719d911017c592";

    private static DesiredObject Compressed(Compression compression = Compression.Gzip) =>
        Desired("app.js", Source, new ObjectHeaders("text/javascript; charset=utf-8", CacheDefaults.Other, Encodings.ContentEncoding(compression))) with { Compress = compression };

    private static RemoteObject CompressedRemote() => new("app.js", CompressedSize, CompressedETag);

    private static void AssertUploadForContent(DeployPlan plan)
    {
        var action = Assert.Single(plan.Actions);
        Assert.Equal((ActionKind.Upload, ActionReason.Content), (action.Kind, action.Reason));
    }

    [Fact]
    public void Kms_etag_recorded_in_the_manifest_with_the_local_md5_is_unchanged()
    {
        var d = Desired("a.css", "body{}");
        var remote = RemoteOpaque("a.css", "body{}", KmsETag);
        Assert.True(remote.ETagIsMd5); // it looks like one, which is why the manifest must decide
        Assert.NotEqual(d.File.Md5Hex, remote.ETag);
        var state = State([remote], [(d.RelativeKey, EntryFor(d, remote))]);

        var plan = Plan([d], state);

        Assert.Empty(plan.Actions);
        Assert.Equal(1, plan.Unchanged);
        Assert.Empty(Planner.KeysToProbe([d], state));
    }

    [Fact]
    public void Kms_etag_without_a_manifest_is_uploaded_for_content()
    {
        var d = Desired("a.css", "body{}");
        var state = State([RemoteOpaque("a.css", "body{}", KmsETag)]);

        AssertUploadForContent(Plan([d], state));
        Assert.Empty(Planner.KeysToProbe([d], state));
    }

    [Fact]
    public void Kms_etag_whose_manifest_entry_records_other_bytes_is_uploaded_for_content()
    {
        var d = Desired("a.css", "body{color:red}");
        var remote = RemoteOpaque("a.css", "body{color:red}", KmsETag);
        var state = State([remote], [(d.RelativeKey, new ManifestEntry(Md5Of("body{color:tan}"), remote.Size, KmsETag, d.Headers.Fingerprint()))]);

        AssertUploadForContent(Plan([d], state));
    }

    [Theory]
    [InlineData(Compression.Gzip, "+gzip")]
    [InlineData(Compression.Brotli, "+br")]
    public void Compressed_object_recorded_with_its_content_id_is_unchanged(Compression compression, string suffix)
    {
        var d = Compressed(compression);
        var remote = CompressedRemote();
        Assert.Equal(Md5Of(Source) + suffix, d.ContentId);
        Assert.NotEqual(d.File.Size, remote.Size);
        var state = State([remote], [(d.RelativeKey, new ManifestEntry(d.ContentId, remote.Size, remote.ETag, d.Headers.Fingerprint()))]);

        var plan = Plan([d], state);

        Assert.Empty(plan.Actions);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Compressed_object_with_changed_headers_updates_headers_only()
    {
        var d = Compressed();
        var remote = CompressedRemote();
        var old = d.Headers with { CacheControl = "no-store" };
        var state = State([remote], [(d.RelativeKey, new ManifestEntry(d.ContentId, remote.Size, remote.ETag, old.Fingerprint()))]);

        var action = Assert.Single(Plan([d], state).Actions);

        Assert.Equal((ActionKind.UpdateHeaders, ActionReason.Headers), (action.Kind, action.Reason));
    }

    [Fact]
    public void Turning_compression_on_is_uploaded_for_content()
    {
        // The manifest recorded the plain source bytes; now the rule asks for gzip.
        var d = Compressed();
        var remote = Remote("app.js", Source);
        var state = State([remote], [(d.RelativeKey, new ManifestEntry(Md5Of(Source), remote.Size, remote.ETag, d.Headers.Fingerprint()))]);

        AssertUploadForContent(Plan([d], state));
    }

    [Fact]
    public void Compressed_object_whose_etag_happens_to_be_the_source_md5_is_not_trusted_without_the_manifest()
    {
        var d = Compressed();
        var state = State([Remote("app.js", Source)]);

        AssertUploadForContent(Plan([d], state));
    }

    [Fact]
    public void Turning_compression_off_is_uploaded_for_content()
    {
        var d = Desired("app.js", Source, new ObjectHeaders("text/javascript; charset=utf-8", CacheDefaults.Other));
        var remote = CompressedRemote();
        var state = State([remote], [(d.RelativeKey, new ManifestEntry(Md5Of(Source) + "+gzip", remote.Size, remote.ETag, d.Headers.Fingerprint()))]);

        AssertUploadForContent(Plan([d], state));
    }

    [Fact]
    public void Switching_from_gzip_to_br_is_uploaded_for_content()
    {
        var d = Compressed(Compression.Brotli);
        var remote = CompressedRemote();
        var state = State([remote], [(d.RelativeKey, new ManifestEntry(Md5Of(Source) + "+gzip", remote.Size, remote.ETag, d.Headers.Fingerprint()))]);

        AssertUploadForContent(Plan([d], state));
    }

    private static DeployPlan PlanProbed(DesiredObject d, ObjectHeaders remoteHeaders)
    {
        var state = State([Remote(d.RelativeKey, "same bytes")]);
        Assert.Equal([d.RelativeKey], Planner.KeysToProbe([d], state));
        return Plan([d], state, probed: new Dictionary<string, ObjectHeaders> { [d.RelativeKey] = remoteHeaders });
    }

    [Fact]
    public void Bucket_default_encryption_is_not_a_difference_when_none_is_asked_for()
    {
        var d = Desired("a.css", "same bytes");

        var plan = PlanProbed(d, d.Headers with { ServerSideEncryption = "AES256" });

        Assert.Empty(plan.Actions);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Bucket_default_kms_key_is_not_a_difference_when_none_is_asked_for()
    {
        var d = Desired("a.css", "same bytes");

        var plan = PlanProbed(d, d.Headers with { ServerSideEncryption = "aws:kms", SseKmsKeyId = "arn:aws:kms:eu-west-1:1:key/x" });

        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Encryption_asked_for_but_missing_remotely_updates_headers()
    {
        var d = Desired("a.css", "same bytes", CssHeaders with { ServerSideEncryption = "AES256" });

        var action = Assert.Single(PlanProbed(d, CssHeaders).Actions);

        Assert.Equal(ActionKind.UpdateHeaders, action.Kind);
    }

    [Fact]
    public void Remote_standard_storage_class_is_the_same_as_none()
    {
        var d = Desired("a.css", "same bytes");

        var plan = PlanProbed(d, d.Headers with { StorageClass = "STANDARD" });

        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Desired_standard_storage_class_is_the_same_as_none_reported_by_S3()
    {
        // "storageClass": "STANDARD" is valid config, and S3 never reports STANDARD on HEAD.
        var d = Desired("a.css", "same bytes", CssHeaders with { StorageClass = "STANDARD" });

        var plan = PlanProbed(d, CssHeaders);

        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Remote_other_storage_class_updates_headers()
    {
        var d = Desired("a.css", "same bytes");

        var action = Assert.Single(PlanProbed(d, d.Headers with { StorageClass = "STANDARD_IA" }).Actions);

        Assert.Equal(ActionKind.UpdateHeaders, action.Kind);
    }

    [Fact]
    public void Cache_control_directives_in_another_order_are_the_same_header()
    {
        var d = Desired("index.html", "same bytes", HtmlHeaders with { CacheControl = "public, max-age=0, must-revalidate" });

        var plan = PlanProbed(d, d.Headers with { CacheControl = "public, must-revalidate, max-age=0" });

        Assert.Empty(plan.Actions);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Cache_control_with_other_directives_updates_headers()
    {
        var d = Desired("index.html", "same bytes", HtmlHeaders with { CacheControl = "public, max-age=0, must-revalidate" });

        var action = Assert.Single(PlanProbed(d, d.Headers with { CacheControl = "public, max-age=0" }).Actions);

        Assert.Equal(ActionKind.UpdateHeaders, action.Kind);
    }

    [Fact]
    public void Probed_different_content_type_updates_headers()
    {
        var d = Desired("a.css", "same bytes");

        var action = Assert.Single(PlanProbed(d, d.Headers with { ContentType = "text/plain" }).Actions);

        Assert.Equal((ActionKind.UpdateHeaders, ActionReason.Headers), (action.Kind, action.Reason));
        Assert.Same(d, action.Desired);
    }
}
