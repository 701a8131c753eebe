using S3Deploy.Core;
using S3Deploy.Core.Headers;
using S3Deploy.Core.Scanning;
using static S3Deploy.Tests.TestData;

namespace S3Deploy.Tests;

public class DispositionEncodingTests
{
    [Theory]
    [InlineData("attachment")]
    [InlineData("attachment; filename=\"report.pdf\"")]
    public void Ascii_is_kept_as_written(string value) => Assert.Equal(value, DispositionEncoding.Encode(value));

    [Fact]
    public void A_non_ascii_file_name_gets_an_ascii_fallback_and_filename_star()
    {
        Assert.Equal(
            "attachment; filename=\"na_ve r_sum_.pdf\"; filename*=UTF-8''na%C3%AFve%20r%C3%A9sum%C3%A9.pdf",
            DispositionEncoding.Encode("attachment; filename=\"naïve résumé.pdf\""));
    }

    [Fact]
    public void An_unquoted_file_name_and_other_parameters_are_kept_in_order()
    {
        Assert.Equal(
            "inline; filename=\"_.txt\"; filename*=UTF-8''%E6%97%A5.txt; size=3",
            DispositionEncoding.Encode("inline; filename=日.txt; size=3"));
    }

    [Fact]
    public void A_filename_star_already_given_is_not_repeated()
    {
        Assert.Equal(
            "attachment; filename=\"_.pdf\"; filename*=UTF-8''%C3%A9.pdf",
            DispositionEncoding.Encode("attachment; filename=\"é.pdf\"; filename*=UTF-8''%C3%A9.pdf"));
    }

    [Theory]
    [InlineData("piè-jointe")]
    [InlineData("attachment; title=\"é\"")]
    public void Non_ascii_outside_a_file_name_cannot_be_encoded(string value) => Assert.Null(DispositionEncoding.Encode(value));

    [Fact]
    public void A_quoted_semicolon_does_not_split_the_file_name()
    {
        Assert.Equal(
            "attachment; filename=\"a;_.pdf\"; filename*=UTF-8''a%3B%C3%A9.pdf",
            DispositionEncoding.Encode("attachment; filename=\"a;é.pdf\""));
    }

    [Fact]
    public void The_policy_describes_the_encoded_form_so_the_plan_and_the_fingerprint_see_what_s3_stores()
    {
        var rule = new HeaderRule(Glob.Parse("*.pdf")) { ContentDisposition = "attachment; filename=\"é.pdf\"" };
        var policy = new HeaderPolicy(new HeaderSettings { Rules = [rule] }, MimeTypes.Default);

        var described = policy.Describe(File("a.pdf", "pdf"));

        Assert.Equal("attachment; filename=\"_.pdf\"; filename*=UTF-8''%C3%A9.pdf", described.Headers.ContentDisposition);
    }
}
