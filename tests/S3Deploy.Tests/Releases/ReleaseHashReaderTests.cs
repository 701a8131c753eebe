using System.Text;
using System.Text.Json;
using S3Deploy.Core.Releases;
using S3Deploy.Core.Remote;

namespace S3Deploy.Tests.Releases;

/// <summary>
/// The deploy path reads kept release records as streams of content ids: the same ids a whole read gives, one string per
/// distinct id across records, and a record that is not the release asked for adds nothing.
/// </summary>
public sealed class ReleaseHashReaderTests
{
    [Fact]
    public async Task A_written_record_gives_the_content_ids_a_whole_read_gives_even_a_byte_at_a_time()
    {
        var record = Record("r1", Enumerable.Range(0, 3000).ToDictionary(i => $"assets/file-{i}.js", i => $"{i % 1000:x32}"));
        var json = JsonSerializer.SerializeToUtf8Bytes(record, ReleaseJson.Default.ReleaseRecord);
        var whole = ReleaseReferences.Of([record]);

        var references = new ReleaseReferences();
        Assert.True(await new ReleaseHashReader("r1", references).ReadAsync(new TrickleStream(json), CancellationToken.None));

        Assert.Equal(1000, references.Hashes.Count);
        Assert.True(whole.Hashes.SetEquals(references.Hashes));
        Assert.Equal(["r1"], references.Ids);
    }

    [Fact]
    public async Task Records_that_share_content_ids_share_their_strings()
    {
        var references = new ReleaseReferences();
        await Read(references, Record("r2", new() { ["a"] = "h1", ["b"] = "h2" }));
        references.TryGetShared("h1", out var first);

        await Read(references, Record("r1", new() { ["a"] = "h1", ["b"] = "h3", ["c"] = "h3" }));

        Assert.Equal(["h1", "h2", "h3"], references.Hashes.Order(StringComparer.Ordinal));
        Assert.True(references.TryGetShared("h1", out var after));
        Assert.Same(first, after);
    }

    [Fact]
    public async Task A_content_id_equal_to_its_keys_listed_ETag_is_the_listed_string()
    {
        var listed = new Dictionary<string, RemoteObject>(StringComparer.Ordinal)
        {
            ["a"] = new("a", 1, new string('1', 32)),
            ["b"] = new("b", 1, new string('2', 32)),
        };
        var record = Record("r1", new() { ["a"] = new string('1', 32), ["b"] = new string('3', 32) });
        var json = JsonSerializer.SerializeToUtf8Bytes(record, ReleaseJson.Default.ReleaseRecord);

        var references = new ReleaseReferences();
        Assert.True(await new ReleaseHashReader("r1", references, listed).ReadAsync(new MemoryStream(json), CancellationToken.None));

        Assert.True(references.TryGetShared(new string('1', 32), out var shared));
        Assert.Same(listed["a"].ETag, shared);
        Assert.True(references.TryGetShared(new string('3', 32), out _));
        Assert.False(references.TryGetShared(new string('2', 32), out _));
    }

    [Fact]
    public async Task Fields_in_any_order_and_escaped_strings_read_as_written()
    {
        var json = """{"headers":{},"objects":{"a":{"size":1,"hash":"h\u0031","headers":"fp"},"b":{"hash":"h2"}},"id":"r\u0031","version":1}""";

        var references = new ReleaseReferences();
        Assert.True(await new ReleaseHashReader("r1", references).ReadAsync(Utf8(json), CancellationToken.None));

        Assert.Equal(["h1", "h2"], references.Hashes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"version":2,"id":"r1","objects":{"a":{"hash":"h1"}}}""")]
    [InlineData("""{"version":"1","id":"r1","objects":{"a":{"hash":"h1"}}}""")]
    [InlineData("""{"version":1,"id":"r0","objects":{"a":{"hash":"h1"}}}""")]
    [InlineData("""{"version":1,"objects":{"a":{"hash":"h1"}}}""")]
    [InlineData("""{"version":1,"id":"r1","objects":null}""")]
    [InlineData("""{"version":1,"id":"r1"}""")]
    public async Task A_record_of_another_version_or_release_is_refused_and_adds_nothing(string json)
    {
        var references = new ReleaseReferences();

        Assert.False(await new ReleaseHashReader("r1", references).ReadAsync(Utf8(json), CancellationToken.None));

        Assert.Empty(references.Hashes);
        Assert.Empty(references.Ids);
    }

    [Theory]
    [InlineData("""{"version":1,"id":"r1","objects":{"a":{"hash":"h1"}""")]
    [InlineData("""{"version":1,"id":"r1","objects":{"a":{"hash":"h1"}}} trailing""")]
    [InlineData("""{"version":1,"id":"r1","objects":{"a":{"size":1}}}""")]
    [InlineData("""{"version":1,"id":"r1","objects":{"a":{"hash":null}}}""")]
    [InlineData("""{"version":1,"id":"r1","objects":{"a":"h1"}}""")]
    [InlineData("""["version",1]""")]
    [InlineData("")]
    [InlineData("<Error><Code>AccessDenied</Code></Error>")]
    public async Task A_body_that_is_not_a_release_record_is_a_json_error_and_adds_nothing(string json)
    {
        var references = new ReleaseReferences();

        await Assert.ThrowsAnyAsync<JsonException>(() => new ReleaseHashReader("r1", references).ReadAsync(Utf8(json), CancellationToken.None));

        Assert.Empty(references.Hashes);
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_size_bound()
    {
        var references = new ReleaseReferences();
        await using var body = new BoundedStream(new EndlessRecord(), 4 * 1024 * 1024);

        await Assert.ThrowsAsync<BodyTooLargeException>(() => new ReleaseHashReader("r1", references).ReadAsync(body, CancellationToken.None));

        Assert.Empty(references.Hashes);
    }

    [Fact]
    public async Task A_token_longer_than_any_record_holds_is_refused_before_it_is_buffered_whole()
    {
        var references = new ReleaseReferences();
        var huge = Encoding.UTF8.GetBytes("""{"version":1,"id":"r1","objects":{"a":{"hash":""" + "\"" + new string('x', 3 * 1024 * 1024) + "\"}}}");

        await Assert.ThrowsAnyAsync<JsonException>(() => new ReleaseHashReader("r1", references).ReadAsync(new MemoryStream(huge), CancellationToken.None));

        Assert.Empty(references.Hashes);
    }

    [Fact]
    public async Task Content_ids_named_without_a_version_id_are_told_apart_as_a_whole_read_tells_them()
    {
        var versioned = Record("r2", new() { ["a"] = "h1", ["b"] = "h2", ["c"] = "h3" });
        versioned = versioned with { Objects = versioned.Objects.ToDictionary(o => o.Key, o => o.Key == "b" ? o.Value : o.Value with { VersionId = "v-" + o.Key }, StringComparer.Ordinal) };
        var references = new ReleaseReferences();

        await Read(references, versioned);
        var afterVersioned = references.Unversioned.Order(StringComparer.Ordinal).ToList();
        await Read(references, Record("r1", new() { ["a"] = "h4" }));

        Assert.Equal(["h2"], afterVersioned);
        Assert.Equal(["h2"], ReleaseReferences.Of([versioned]).Unversioned);
        // A record from before versioning names every id without one: all of them may need the store.
        Assert.True(references.Unversioned.SetEquals(["h1", "h2", "h3", "h4"]));
    }

    private static async Task Read(ReleaseReferences references, ReleaseRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, ReleaseJson.Default.ReleaseRecord);
        Assert.True(await new ReleaseHashReader(record.Id, references).ReadAsync(new MemoryStream(json), CancellationToken.None));
    }

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));

    private static ReleaseRecord Record(string id, Dictionary<string, string> objects) => new(
        ReleaseRecord.CurrentVersion, id, DateTimeOffset.UnixEpoch, "test", null, null, null, new ReleaseCounts(objects.Count, 0, 0, 0, 0),
        objects.ToDictionary(o => o.Key, o => new ReleaseObject(o.Value, 1, "fp"), StringComparer.Ordinal),
        new() { ["fp"] = new ReleaseHeaders("text/plain", null, null, null, null, null, null, null, null) });
}
