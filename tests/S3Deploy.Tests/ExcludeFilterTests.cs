using S3Deploy.Core;
using S3Deploy.Core.Scanning;

namespace S3Deploy.Tests;

/// <summary>
/// --exclude reads patterns as .gitignore does (git's PATTERN FORMAT): a pattern that matches a folder covers everything
/// below it. Keys of folders end with '/', as the scanner passes them; keys from the bucket are files.
/// </summary>
public class ExcludeFilterTests
{
    [Theory]
    [InlineData("uploads", "uploads/a.png", true)]
    [InlineData("uploads", "uploads/2024/b.png", true)]
    [InlineData("uploads", "media/uploads/c.png", true)]
    [InlineData("uploads", "uploads", true)]
    [InlineData("uploads", "uploads2/d.png", false)]
    [InlineData("uploads", "my-uploads/e.png", false)]
    [InlineData("/uploads", "uploads/a.png", true)]
    [InlineData("/uploads", "uploads/2024/b.png", true)]
    [InlineData("/uploads", "media/uploads/c.png", false)]
    [InlineData("uploads/", "uploads/a.png", true)]
    [InlineData("uploads/", "media/uploads/c.png", true)]
    [InlineData("uploads/", "uploads", false)]
    [InlineData("/uploads/", "media/uploads/c.png", false)]
    public void Folder_name_protects_everything_below_it(string pattern, string key, bool excluded) =>
        Assert.Equal(excluded, ExcludeFilter.Parse([pattern]).IsExcluded(key));

    [Theory]
    [InlineData("hello.c", true)]
    [InlineData("hello.txt/readme", true)]
    [InlineData("src/hello.html", true)]
    [InlineData("hello", false)]
    [InlineData("othello.c", false)]
    public void Hello_star_matches_any_file_or_folder_whose_name_begins_with_hello(string key, bool excluded) =>
        Assert.Equal(excluded, ExcludeFilter.Parse(["hello.*"]).IsExcluded(key));

    [Theory]
    [InlineData("doc/frotz/", "doc/frotz/", true)]
    [InlineData("doc/frotz/", "doc/frotz/x.txt", true)]
    [InlineData("doc/frotz/", "a/doc/frotz/x.txt", false)]
    [InlineData("frotz/", "frotz/x.txt", true)]
    [InlineData("frotz/", "a/frotz/x.txt", true)]
    [InlineData("frotz/", "a/frotz", false)]
    public void Trailing_slash_matches_folders_only_and_a_middle_slash_anchors(string pattern, string key, bool excluded) =>
        Assert.Equal(excluded, ExcludeFilter.Parse([pattern]).IsExcluded(key));

    [Theory]
    [InlineData("doc/frotz")]
    [InlineData("/doc/frotz")]
    public void Middle_slash_and_leading_slash_anchor_alike(string pattern)
    {
        var filter = ExcludeFilter.Parse([pattern]);

        Assert.True(filter.IsExcluded("doc/frotz"));
        Assert.True(filter.IsExcluded("doc/frotz/page.html"));
        Assert.False(filter.IsExcluded("a/doc/frotz/page.html"));
    }

    [Theory]
    [InlineData("foo/test.json", true)]
    [InlineData("foo/bar/", true)]
    [InlineData("foo/bar/hello.c", true)] // foo/* matches the folder foo/bar, which covers what is in it
    [InlineData("foo", false)]
    [InlineData("a/foo/test.json", false)]
    public void Foo_star_matches_what_is_directly_in_foo(string key, bool excluded) =>
        Assert.Equal(excluded, ExcludeFilter.Parse(["foo/*"]).IsExcluded(key));

    [Theory]
    [InlineData("**/foo", "foo", true)]
    [InlineData("**/foo", "a/b/foo/x.txt", true)]
    [InlineData("**/foo/bar", "foo/bar", true)]
    [InlineData("**/foo/bar", "a/foo/bar/x.txt", true)]
    [InlineData("**/foo/bar", "a/foo/x/bar", false)]
    [InlineData("abc/**", "abc/x.txt", true)]
    [InlineData("abc/**", "abc/d/e/x.txt", true)]
    [InlineData("abc/**", "abc", false)]
    [InlineData("abc/**", "x/abc/y.txt", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/b", true)]
    [InlineData("a/**/b", "a/x/y/b/z.txt", true)]
    [InlineData("a/**/b", "a/xb", false)]
    public void Double_stars_follow_gitignore(string pattern, string key, bool excluded) =>
        Assert.Equal(excluded, ExcludeFilter.Parse([pattern]).IsExcluded(key));

    [Theory]
    [InlineData("*.html", "a/b.html", true)]
    [InlineData("docs/*.html", "docs/a/b.html", false)]
    [InlineData("page?.html", "page1.html", true)]
    [InlineData("page?.html", "page/.html", false)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file[0-9].txt", "filex.txt", false)]
    [InlineData("file[!0-9].txt", "filex.txt", true)]
    [InlineData("file[^0-9].txt", "file7.txt", false)]
    [InlineData("a[/]b", "a/b", false)]
    [InlineData("a[!x]b", "a/b", false)]
    public void Star_question_mark_and_ranges_never_match_a_slash(string pattern, string key, bool excluded) =>
        Assert.Equal(excluded, ExcludeFilter.Parse([pattern]).IsExcluded(key));

    [Theory]
    [InlineData(@"\*.html", "*.html", true)]
    [InlineData(@"\*.html", "a.html", false)]
    [InlineData(@"\#notes", "#notes", true)]
    [InlineData(@"\!important.txt", "!important.txt", true)]
    [InlineData(@"what\?", "what?", true)]
    [InlineData(@"what\?", "whatx", false)]
    public void Backslash_makes_the_next_character_literal(string pattern, string key, bool excluded) =>
        Assert.Equal(excluded, ExcludeFilter.Parse([pattern]).IsExcluded(key));
}
