using S3Deploy.Core.CloudFront;

namespace S3Deploy.Tests.CloudFront;

public class InvalidationPathsTests
{
    private const string Index = "index.html";

    [Fact]
    public void Key_is_served_at_slash_key_without_an_origin_path() =>
        Assert.Equal(["/a.css", "/js/app.js"], For(["js/app.js", "a.css"]));

    [Fact]
    public void Origin_path_is_removed_from_the_key()
    {
        var paths = InvalidationPaths.For(["site/a.css", "site/js/app.js"], "/site", Index, 25);

        Assert.Equal(["/a.css", "/js/app.js"], paths);
    }

    [Fact]
    public void Keys_outside_the_origin_path_are_not_served_by_the_distribution()
    {
        var paths = InvalidationPaths.For(["other/x", "site2/x", "site", "x.css", "site/a.css"], "/site", Index, 25);

        Assert.Equal(["/a.css"], paths);
    }

    [Fact]
    public void Nested_origin_path_is_removed_whole()
    {
        var paths = InvalidationPaths.For(["a/b/c.css", "a/c.css"], "/a/b", Index, 25);

        Assert.Equal(["/c.css"], paths);
    }

    [Fact]
    public void Index_document_also_invalidates_its_directory_with_and_without_the_slash() =>
        Assert.Equal(["/docs", "/docs/", "/docs/index.html"], For(["docs/index.html"]));

    [Fact]
    public void Root_index_document_also_invalidates_the_root() =>
        Assert.Equal(["/", "/index.html"], For(["index.html"]));

    [Fact]
    public void Index_document_under_the_origin_path_maps_its_directories_too()
    {
        var paths = InvalidationPaths.For(["site/index.html", "site/docs/index.html"], "/site", Index, 25);

        Assert.Equal(["/", "/docs", "/docs/", "/docs/index.html", "/index.html"], paths);
    }

    [Fact]
    public void Name_merely_ending_like_the_index_document_is_a_plain_file() =>
        Assert.Equal(["/docs/myindex.html"], For(["docs/myindex.html"]));

    [Fact]
    public void Empty_index_document_adds_no_directory_forms()
    {
        var paths = InvalidationPaths.For(["docs/index.html"], "", "", 25);

        Assert.Equal(["/docs/index.html"], paths);
    }

    [Theory]
    [InlineData("a b.html", "/a%20b.html")]
    [InlineData("café.html", "/caf%C3%A9.html")]
    [InlineData("😀.png", "/%F0%9F%98%80.png")]
    [InlineData("a#b.html", "/a%23b.html")]
    [InlineData("100%.txt", "/100%25.txt")]
    [InlineData("a*b.js", "/a%2Ab.js")]
    [InlineData("ends-with*", "/ends-with%2A")]
    [InlineData("what?.html", "/what%3F.html")]
    [InlineData("runtime~main.js", "/runtime%7Emain.js")]
    [InlineData("q\"<>{}|\\^[]`.txt", "/q%22%3C%3E%7B%7D%7C%5C%5E%5B%5D%60.txt")]
    [InlineData("tab\there", "/tab%09here")]
    [InlineData("a+b.html", "/a+b.html")]
    [InlineData("keep-_.!'()$&,;=:@.txt", "/keep-_.!'()$&,;=:@.txt")]
    [InlineData("dir/sub dir/x.css", "/dir/sub%20dir/x.css")]
    public void Characters_are_encoded_as_cloudfront_requires(string key, string expected) =>
        Assert.Equal([expected], For([key]));

    [Fact]
    public void Output_is_distinct_and_sorted_whatever_the_input_order()
    {
        string[] keys = ["b.css", "a/index.html", "Z.css", "a/b.css", "b.css", "_.js", "a/index.html"];

        var forward = For(keys);
        var backward = For(keys.Reverse());

        Assert.Equal(["/Z.css", "/_.js", "/a", "/a/", "/a/b.css", "/a/index.html", "/b.css"], forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Exact_paths_are_returned_while_they_fit_the_limit()
    {
        var keys = Enumerable.Range(0, 25).Select(i => $"d{i % 5}/f{i}.css").ToList();

        var paths = For(keys, maxPaths: 25);

        Assert.Equal(25, paths.Count);
        Assert.DoesNotContain(paths, p => p.EndsWith('*'));
    }

    [Fact]
    public void Hundred_changes_in_three_folders_collapse_to_the_three_folder_wildcards()
    {
        var keys = Enumerable.Range(0, 100).Select(i => $"{new[] { "css", "img", "js" }[i % 3]}/f{i}.x");

        Assert.Equal(["/css/*", "/img/*", "/js/*"], For(keys, maxPaths: 25));
    }

    [Fact]
    public void Collapsing_keeps_the_deepest_wildcard_and_exact_paths_the_budget_allows()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"a/b/f{i}.js").Concat(["a/c/x.css", "a/c/y.css", "top.html"]);

        Assert.Equal(["/a/b/*", "/a/c/x.css", "/a/c/y.css", "/top.html"], For(keys, maxPaths: 25));
    }

    [Fact]
    public void Deep_group_stays_exact_when_collapsing_a_bigger_one_is_enough()
    {
        var keys = Enumerable.Range(0, 100).Select(i => $"big/f{i}.js").Concat(["x/y/z/a.css", "x/y/z/b.css"]);

        Assert.Equal(["/big/*", "/x/y/z/a.css", "/x/y/z/b.css"], For(keys, maxPaths: 25));
    }

    [Fact]
    public void Directory_form_without_slash_stays_exact_next_to_its_wildcard()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"docs/p{i}.html").Append("docs/index.html");

        Assert.Equal(["/docs", "/docs/*"], For(keys, maxPaths: 25));
    }

    [Fact]
    public void Directory_form_without_slash_goes_to_the_parent_wildcard_when_the_budget_is_short()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"docs/p{i}.html").Append("docs/index.html");

        Assert.Equal(["/*"], For(keys, maxPaths: 1));
    }

    [Fact]
    public void Changes_spread_over_forty_folders_fit_the_wildcard_limit_and_cover_everything()
    {
        var keys = Enumerable.Range(0, 40).SelectMany(f => Enumerable.Range(0, 3).Select(i => $"s{f % 5}/f{f}/p{i}.html")).ToList();

        var paths = For(keys, maxPaths: 25);

        Assert.True(paths.Count(p => p.EndsWith('*')) <= InvalidationPaths.MaxWildcards);
        Assert.True(paths.Count <= 25);
        Assert.All(keys, k => Assert.True(IsMatched("/" + k, paths), k));
        Assert.DoesNotContain("/*", paths);
    }

    [Fact]
    public void Forty_top_level_folders_even_with_a_large_budget_respect_the_wildcard_limit()
    {
        var keys = Enumerable.Range(0, 40).SelectMany(f => Enumerable.Range(0, 30).Select(i => $"f{f:00}/p{i}.html")).ToList();

        var paths = For(keys, maxPaths: 100);

        Assert.Equal(["/*"], paths);
    }

    [Fact]
    public void Root_files_and_many_folders_fall_back_to_everything()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"r{i}.html")
            .Concat(Enumerable.Range(0, 20).SelectMany(f => Enumerable.Range(0, 5).Select(i => $"f{f}/p{i}.html")));

        Assert.Equal(["/*"], For(keys, maxPaths: 25));
    }

    [Fact]
    public void Path_over_four_thousand_characters_becomes_its_parent_wildcard()
    {
        var paths = For(["dir/" + new string('a', 4100), "dir/" + new string('é', 700), "other.css"]);

        Assert.Equal(["/dir/*", "/other.css"], paths);
    }

    [Fact]
    public void Path_of_exactly_four_thousand_characters_stays_exact()
    {
        var key = new string('a', InvalidationPaths.MaxPathLength - 1);

        Assert.Equal(["/" + key], For([key]));
    }

    [Fact]
    public void No_keys_give_no_paths() => Assert.Empty(For([]));

    [Fact]
    public void Budget_below_one_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InvalidationPaths.For(["a"], "", Index, 0));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(21)]
    [InlineData(34)]
    public void Random_trees_are_always_covered_within_the_limits(int seed)
    {
        var random = new Random(seed);
        foreach (var maxPaths in new[] { 1, 3, 10, 25, 60 })
        {
            var keys = RandomTree(random);
            var exact = ExactPathsOf(keys);

            var paths = For(keys, maxPaths);

            Assert.All(exact, e => Assert.True(IsMatched(e, paths), $"{e} is not matched (seed {seed}, max {maxPaths})"));
            Assert.Equal(paths.Distinct().Order(StringComparer.Ordinal), paths);
            Assert.All(paths, p => Assert.True(p.StartsWith('/') && !p[..^1].Contains('*', StringComparison.Ordinal), p));
            Assert.True(paths.Count <= maxPaths, $"{paths.Count} paths > {maxPaths}");
            var wildcards = paths.Count(p => p.EndsWith('*'));
            Assert.True(wildcards <= Math.Min(maxPaths, InvalidationPaths.MaxWildcards), $"{wildcards} wildcards");
            if (exact.Count <= maxPaths)
            {
                Assert.Equal(exact.Order(StringComparer.Ordinal), paths);
            }
            else
            {
                Assert.NotEqual(0, wildcards);
            }

            Assert.Equal(paths, For(keys.OrderBy(_ => random.Next()), maxPaths));
        }
    }

    private static List<string> For(IEnumerable<string> keys, int maxPaths = InvalidationPaths.DefaultMaxPaths) =>
        [.. InvalidationPaths.For(keys, "", Index, maxPaths)];

    /// <summary>CloudFront's matching: a trailing '*' matches any suffix, '/' and empty included; anything else only itself.</summary>
    private static bool IsMatched(string path, IEnumerable<string> invalidations) =>
        invalidations.Any(i => i.EndsWith('*') ? path.StartsWith(i[..^1], StringComparison.Ordinal) : path == i);

    private static List<string> RandomTree(Random random)
    {
        string[] names = ["a", "b", "c", "docs", "img", "js"];
        var keys = new List<string>();
        var count = random.Next(1, 200);
        for (var i = 0; i < count; i++)
        {
            var depth = random.Next(0, 5);
            var folders = Enumerable.Range(0, depth).Select(_ => names[random.Next(names.Length)]);
            var file = random.Next(6) == 0 ? Index : $"f{random.Next(40)}.html";
            keys.Add(string.Join('/', folders.Append(file)));
        }

        return keys;
    }

    /// <summary>Independent of the code under test: ASCII names only, so no encoding.</summary>
    private static HashSet<string> ExactPathsOf(IEnumerable<string> keys)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            exact.Add("/" + key);
            if (key == Index || key.EndsWith("/" + Index, StringComparison.Ordinal))
            {
                var directory = "/" + key[..^Index.Length];
                exact.Add(directory);
                if (directory != "/")
                {
                    exact.Add(directory.TrimEnd('/'));
                }
            }
        }

        return exact;
    }
}
