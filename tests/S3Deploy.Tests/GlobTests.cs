using System.Text.RegularExpressions;
using S3Deploy.Core;
using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests;

public class GlobTests
{
    [Theory]
    [InlineData("app.js.map")]
    [InlineData("js/app.js.map")]
    [InlineData("a/b/c/deep.map")]
    public void Pattern_without_slash_matches_a_name_at_any_depth(string key) =>
        Assert.True(Glob.Parse("*.map").IsMatch(key));

    [Theory]
    [InlineData("app.js")]
    [InlineData("map")]
    [InlineData("js/app.map.js")]
    [InlineData("x.map/inner.js")]
    public void Pattern_without_slash_does_not_match_other_names(string key) =>
        Assert.False(Glob.Parse("*.map").IsMatch(key));

    [Fact]
    public void Pattern_with_slash_is_anchored_at_the_prefix()
    {
        var glob = Glob.Parse("docs/*.html");

        Assert.True(glob.IsMatch("docs/index.html"));
        Assert.False(glob.IsMatch("site/docs/index.html"));
    }

    [Fact]
    public void Single_star_never_crosses_a_slash()
    {
        var glob = Glob.Parse("docs/*.html");

        Assert.False(glob.IsMatch("docs/api/index.html"));
    }

    [Fact]
    public void Leading_slash_anchors_a_pattern_without_other_slashes()
    {
        var glob = Glob.Parse("/index.html");

        Assert.True(glob.IsMatch("index.html"));
        Assert.False(glob.IsMatch("blog/index.html"));
    }

    [Theory]
    [InlineData("drafts/", true)]
    [InlineData("drafts/post.html", true)]
    [InlineData("drafts/2024/old/post.html", true)]
    [InlineData("drafts", false)]
    [InlineData("drafts.html", false)]
    [InlineData("drafts2/post.html", false)]
    public void Trailing_slash_means_the_whole_folder(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("drafts/").IsMatch(key));

    [Fact]
    public void Trailing_slash_folder_pattern_matches_the_folder_at_any_depth_like_gitignore()
    {
        var glob = Glob.Parse("drafts/");

        Assert.True(glob.IsMatch("blog/drafts/post.html"));
    }

    [Theory]
    [InlineData("a/b.txt", true)]
    [InlineData("a/x/b.txt", true)]
    [InlineData("a/x/y/z/b.txt", true)]
    [InlineData("b.txt", false)]
    [InlineData("a/xb.txt", false)]
    [InlineData("z/a/b.txt", false)]
    [InlineData("a/b.txt/c", false)]
    public void Double_star_segment_matches_zero_or_more_folders(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("a/**/b.txt").IsMatch(key));

    [Theory]
    [InlineData("assets/app.js", true)]
    [InlineData("assets/img/deep/logo.png", true)]
    [InlineData("assets", false)]
    [InlineData("assets2/app.js", false)]
    [InlineData("src/assets/app.js", false)]
    public void Trailing_double_star_matches_everything_below_the_folder(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("assets/**").IsMatch(key));

    [Theory]
    [InlineData("index.html", true)]
    [InlineData("a/b/index.html", true)]
    [InlineData("a/b/main.html", false)]
    public void Leading_double_star_matches_at_any_depth(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("**/index.html").IsMatch(key));

    [Theory]
    [InlineData("page1.html", true)]
    [InlineData("pageA.html", true)]
    [InlineData("page.html", false)]
    [InlineData("page12.html", false)]
    [InlineData("page/.html", false)]
    public void Question_mark_matches_exactly_one_character_but_not_a_slash(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("page?.html").IsMatch(key));

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("b.txt", true)]
    [InlineData("c.txt", false)]
    [InlineData("ab.txt", false)]
    public void Bracket_set_matches_one_listed_character(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("[ab].txt").IsMatch(key));

    [Theory]
    [InlineData("b.txt", true)]
    [InlineData("z.txt", true)]
    [InlineData("a.txt", false)]
    [InlineData("dir/a.txt", false)]
    public void Negated_bracket_set_matches_any_other_character(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("[!a].txt").IsMatch(key));

    [Fact]
    public void Negated_bracket_set_never_matches_a_slash()
    {
        var glob = Glob.Parse("x[!a]y");

        Assert.True(glob.IsMatch("xby"));
        Assert.False(glob.IsMatch("x/y"));
    }

    [Theory]
    [InlineData("file3.txt", true)]
    [InlineData("filec.txt", true)]
    [InlineData("fileX.txt", false)]
    public void Bracket_range_matches_characters_in_the_range(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("file[0-9a-f].txt").IsMatch(key));

    [Theory]
    [InlineData("app.js", true)]
    [InlineData("static/site.css", true)]
    [InlineData("app.html", false)]
    [InlineData("app.jscss", false)]
    [InlineData("app.json", false)]
    public void Braces_match_any_one_alternative(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("*.{js,css}").IsMatch(key));

    [Theory]
    [InlineData("a+b(1).txt", true)]
    [InlineData("aab(1).txt", false)]
    [InlineData("a+b1.txt", false)]
    public void Regex_metacharacters_are_literal(string key, bool expected) =>
        Assert.Equal(expected, Glob.Parse("a+b(1).txt").IsMatch(key));

    [Fact]
    public void Dot_is_literal_not_any_character() =>
        Assert.False(Glob.Parse("*.map").IsMatch("appxmap"));

    [Fact]
    public void Pattern_keeps_the_text_it_was_parsed_from()
    {
        var glob = Glob.Parse("  *.map ");

        Assert.Equal("  *.map ", glob.Pattern);
        Assert.True(glob.IsMatch("x.map"));
    }

    [Theory]
    [InlineData("a**b")]
    [InlineData("**.js")]
    [InlineData("a/**b")]
    [InlineData("[abc")]
    [InlineData("[]")]
    [InlineData("{a,b")]
    [InlineData("}")]
    [InlineData("a}b")]
    [InlineData("")]
    [InlineData("   ")]
    public void Invalid_glob_is_a_usage_error_with_code_S3D007(string pattern)
    {
        var e = Assert.Throws<DeployException>(() => Glob.Parse(pattern));

        Assert.Equal("S3D007", e.Code);
        Assert.Equal(FailureKind.Usage, e.Kind);
        Assert.Contains($"'{pattern}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclude_filter_excludes_a_key_when_any_glob_matches()
    {
        var filter = ExcludeFilter.Parse(["*.map", "drafts/"]);

        Assert.True(filter.IsExcluded("js/app.js.map"));
        Assert.True(filter.IsExcluded("drafts/a.html"));
        Assert.False(filter.IsExcluded("index.html"));
        Assert.False(ExcludeFilter.None.IsExcluded("anything"));
    }

    [Theory]
    [InlineData("x.map/inner.js")]
    [InlineData("uploads/a.png")]
    public void Rules_match_files_by_their_own_name_not_by_a_folder_above(string key)
    {
        // A header rule "*.map" or "uploads" describes files with that name; only Covers (excludes) extends to folders.
        Assert.False(Glob.Parse("*.map").IsMatch(key) && Glob.Parse("uploads").IsMatch(key));
        Assert.True(Glob.Parse("*.map").Covers(key) || Glob.Parse("uploads").Covers(key));
    }

    [Fact]
    public void Glob_matches_without_backtracking()
    {
        Assert.True(Glob.Parse("*a*a*a*a*a*a*a*a*a*a*a*a*b").Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.True(Glob.Parse("docs/{a,b}/[!x]?.html").Options.HasFlag(RegexOptions.NonBacktracking));
    }

    [Fact]
    public void Many_stars_against_a_long_name_finish_within_a_match_timeout()
    {
        // With backtracking this takes minutes; the timeout turns a regression into a RegexMatchTimeoutException.
        var glob = Glob.Parse("*a*a*a*a*a*a*a*a*a*a*a*a*b", TimeSpan.FromSeconds(10));
        var name = new string('a', 200);

        Assert.False(glob.IsMatch(name));
        Assert.False(glob.Covers("dir/" + name));
        Assert.True(glob.IsMatch(name + "b"));
    }

    [Fact]
    public void Many_double_stars_against_a_deep_tree_finish_within_a_match_timeout()
    {
        var glob = Glob.Parse("**/**/**/**/**/**/**/**/a", TimeSpan.FromSeconds(10));
        var deep = string.Join('/', Enumerable.Repeat("d", 40));

        Assert.False(glob.IsMatch(deep + "/b"));
        Assert.False(glob.Covers(deep + "/b"));
        Assert.True(glob.IsMatch(deep + "/a"));
    }
}
