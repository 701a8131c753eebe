using S3Deploy.ReliabilityTests.Infrastructure;

namespace S3Deploy.ReliabilityTests;

/// <summary>
/// Every refusal through the CLI: a stable code, the documented exit code (2 usage, 3 refused, 1 for what S3 answered)
/// and a bucket left exactly as it was. Symbolic link loops and links out of the folder are warnings, not errors: those
/// cases run <c>plan</c> and assert the warning and that nothing behind the link was planned.
/// </summary>
public sealed class BadInputTests(S3ServerFixture server) : ReliabilityTest(server)
{
    private static readonly Dictionary<string, BadInput> Cases = new(StringComparer.Ordinal)
    {
        ["missing source"] = new("S3D001", 3, c => c.From(Path.Combine(c.Temp, "nope"))),
        ["source is a file"] = new("S3D002", 3, c => c.From(c.Site.FullPath("index.html"))),
        ["empty source"] = new("S3D003", 3, c => c.From(Directory.CreateDirectory(Path.Combine(c.Temp, "empty")).FullName)),
        ["unreadable file"] = new("S3D009", 2, c => c.Arrange(s => Lock(s.FullPath("app.js"))).Deploy(), Says: "app.js", Unprivileged: true),
        ["unreadable folder"] = new("S3D009", 2, c => c.Arrange(MakeUnreadableFolder).Deploy(), Says: "locked/", Unprivileged: true),
        ["file name with a Unicode non-character (U+FFFE)"] = new("S3D009", 2, c => c.Arrange(s => s.Write("a\uFFFEb.html", "x")).Deploy(), Says: "\\ufffe"),
        ["file name with a control character"] = new("S3D009", 2, c => c.Arrange(s => s.Write("a\u0001b.html", "x")).Deploy(), Says: "\\u0001"),
        ["file name with a line break"] = new("S3D009", 2, c => c.Arrange(s => s.Write("line\nbreak.html", "x")).Deploy(), Says: "\\u000a"),
        ["key longer than 1,024 bytes (path)"] = new("S3D006", 2, c => c.Arrange(s => s.Write(string.Join('/', Enumerable.Repeat(new string('d', 220), 5)) + "/x.txt", "x")).Deploy(), Says: "1024-byte"),
        ["key longer than 1,024 bytes (prefix)"] = new("S3D006", 2, c => c.To($"s3://{c.Bucket}/{new string('p', 1020)}"), Says: "1024-byte"),
        ["prefix that leaves no room for the manifest key"] = new("S3D006", 2, c => c.To($"s3://{c.Bucket}/{new string('p', 1005)}"), Says: ".s3deploy/manifest.json"),
        ["symlink loop (warning)"] = new("", 0, c => c.Arrange(LinkLoops).Plan(), Says: "symbolic link loop"),
        ["symlink outside the source (warning)"] = new("", 0, c => c.Arrange(s => File.CreateSymbolicLink(s.FullPath("secret.txt"), c.Outside)).Plan(), Says: "outside the source folder"),
        ["target without s3://"] = new("S3D005", 2, c => c.To($"{c.Bucket}/site")),
        ["target with https://"] = new("S3D005", 2, c => c.To($"https://{c.Bucket}/site")),
        ["target without a bucket"] = new("S3D005", 2, c => c.To("s3://")),
        ["target with an empty bucket and a prefix"] = new("S3D005", 2, c => c.To("s3:///site")),
        ["bucket with uppercase letters"] = new("S3D005", 2, c => c.To("s3://My-Bucket/site")),
        ["bucket name too short"] = new("S3D005", 2, c => c.To("s3://ab/site")),
        ["bucket name too long"] = new("S3D005", 2, c => c.To($"s3://{new string('b', 64)}/site")),
        ["bucket with an underscore"] = new("S3D005", 2, c => c.To("s3://my_bucket/site")),
        ["bucket shaped like an IP address"] = new("S3D005", 2, c => c.To("s3://192.168.1.1/site")),
        ["bucket starting with xn--"] = new("S3D005", 2, c => c.To("s3://xn--bucket/site")),
        ["bucket ending with -s3alias"] = new("S3D005", 2, c => c.To("s3://my-bucket-s3alias/site")),
        ["bucket with adjacent dots"] = new("S3D005", 2, c => c.To("s3://my..bucket/site")),
        ["prefix with .."] = new("S3D005", 2, c => c.To($"s3://{c.Bucket}/site/../other")),
        ["prefix with ."] = new("S3D005", 2, c => c.To($"s3://{c.Bucket}/./site")),
        ["prefix with a leading /"] = new("S3D005", 2, c => c.To($"s3://{c.Bucket}//site")),
        ["prefix with an empty segment"] = new("S3D005", 2, c => c.To($"s3://{c.Bucket}/a//b")),
        ["unknown region"] = new("S3D006", 2, c => ["deploy", c.Site.Path, $"s3://{c.Bucket}/site", "--region", "mars-west-1"], Says: "mars-west-1"),
        ["malformed endpoint URL"] = new("S3D006", 2, c => c.Deploy("--endpoint-url", "not a url")),
        ["endpoint URL that is not http"] = new("S3D006", 2, c => c.Deploy("--endpoint-url", "ftp://127.0.0.1:21")),
        ["concurrency 0"] = new("S3D006", 2, c => c.Deploy("--concurrency", "0")),
        ["concurrency -1"] = new("S3D006", 2, c => c.Deploy("--concurrency", "-1")),
        ["concurrency not a number"] = new("S3D006", 2, c => c.Deploy("--concurrency", "lots")),
        ["max-deletes -1"] = new("S3D006", 2, c => c.Deploy("--max-deletes", "-1")),
        ["malformed distribution id"] = new("S3D006", 2, c => c.Deploy("--cloudfront", "E2Q-WRU!")),
        ["keep-stale not a duration"] = new("S3D006", 2, c => c.Deploy("--keep-stale", "forever")),
        ["kms key without aws:kms"] = new("S3D006", 2, c => c.Deploy("--sse-kms-key-id", "alias/site")),
        ["kms key with AES256 (conflict)"] = new("S3D006", 2, c => c.Deploy("--sse", "AES256", "--sse-kms-key-id", "alias/site")),
        ["unknown option"] = new("S3D006", 2, c => c.Deploy("--frobnicate")),
        ["no target"] = new("S3D006", 2, c => ["deploy", c.Site.Path, "--endpoint-url", c.Endpoint]),
        ["config file missing"] = new("S3D040", 2, c => c.Deploy("--config", Path.Combine(c.Temp, "missing.json"))),
        ["config file not JSON"] = new("S3D041", 2, c => c.Deploy("--config", c.Config("{ \"concurrency\": 4,, }"))),
        ["config file unknown field"] = new("S3D042", 2, c => c.Deploy("--config", c.Config("{ \"concurency\": 4 }")), Says: "concurency"),
        ["config file wrong type"] = new("S3D043", 2, c => c.Deploy("--config", c.Config("{ \"concurrency\": \"many\" }"))),
        ["config file bad glob"] = new("S3D007", 2, c => c.Deploy("--config", c.Config("{ \"exclude\": [\"assets/**b\"] }"))),
        ["config file bad redirect"] = new("S3D043", 2, c => c.Deploy("--config", c.Config("{ \"redirects\": { \"old.html\": \"/new/\" } }"))),
        ["cache-control with a line break (header injection)"] = new("S3D044", 2, c => c.Deploy("--cache-control", "max-age=1\r\nx-amz-acl: public-read"), Says: "--cache-control"),
        ["config file metadata value with a line break"] = new("S3D044", 2, c => c.Deploy("--config", c.Config("{ \"rules\": [ { \"match\": \"**\", \"metadata\": { \"a\": \"b\\r\\nx-amz-acl: public-read\" } } ] }")), Says: "rules[0].metadata.a"),
        ["config file metadata name that is not a token"] = new("S3D044", 2, c => c.Deploy("--config", c.Config("{ \"rules\": [ { \"match\": \"**\", \"metadata\": { \"two words\": \"b\" } } ] }")), Says: "two words"),
        ["config file content type outside ASCII"] = new("S3D044", 2, c => c.Deploy("--config", c.Config("{ \"rules\": [ { \"match\": \"**\", \"contentType\": \"text/html; title=\u00e9\" } ] }")), Says: "rules[0].contentType"),
        ["redirect onto the deploy manifest"] = new("S3D008", 2, c => c.Deploy("--config", c.Config("{ \"redirects\": { \"/.s3deploy/manifest.json\": \"/\" } }")), Says: ".s3deploy"),
        ["redirect path out of the prefix"] = new("S3D008", 2, c => c.Deploy("--config", c.Config("{ \"redirects\": { \"/../../other/x\": \"/\" } }")), Says: "'..'"),
        ["redirect to another host with //"] = new("S3D008", 2, c => c.Deploy("--config", c.Config("{ \"redirects\": { \"/old\": \"//evil.example/\" } }")), Says: "//"),
        ["no such bucket"] = new("S3D010", 1, c => c.To("s3://no-such-bucket-zz/site")),
        ["access denied on list"] = new("S3D011", 1, c => c.Proxied(), Says: "s3:ListBucket", Rule: r => r.Operation == S3Operation.List ? Fault.AccessDenied : null),
        ["access denied on put"] = new("S3D011", 1, c => c.Arrange(s => s.Write("new.js", "n")).Proxied(), Says: "s3:PutObject", Rule: r => r.IsUpload ? Fault.AccessDenied : null),
        ["access denied on delete"] = new("S3D011", 1, c => c.Proxied(), Says: "s3:DeleteObject", Rule: r => r.Operation == S3Operation.DeleteObjects ? Fault.AccessDenied : null),
        ["bucket in another region"] = new("S3D012", 1, c => c.Proxied(), Says: "--region", Rule: r => r.Operation == S3Operation.List ? Fault.PermanentRedirect("b", "eu-west-2") : null),
        ["expired credentials"] = new("S3D013", 1, c => c.Proxied(), Rule: _ => Fault.ExpiredToken),
        ["rejected credentials"] = new("S3D015", 1, c => c.Proxied(), Rule: _ => Fault.Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")),
        ["clock skew"] = new("S3D016", 1, c => c.Proxied(), Says: "clock", Rule: _ => Fault.ClockSkew),
        ["missing credentials (real process)"] = new("S3D014", 1, c => c.Deploy(), RealProcess: true),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_is_refused_with_its_code_and_the_bucket_is_unchanged(string name)
    {
        var bad = Cases[name];
        using var temp = new TempSite();
        var site = Site(("index.html", "<h1>home</h1>"), ("app.js", "let a = 1;"));
        await DeployAsync(site, "site");
        await Bucket.PutAsync("site/stale.txt", "stale");
        await Bucket.PutAsync("elsewhere/keep.txt", "keep");
        var proxy = Proxy();
        proxy.Rule = bad.Rule ?? (_ => null);
        File.WriteAllText(Path.Combine(temp.Path, "outside.txt"), "outside");
        var context = new Context(site, Bucket.Name, Server.Endpoint, proxy.Endpoint, temp.Path);
        var args = bad.Args(context);
        var before = await Bucket.ListAsync();

        var (code, stdout, stderr) = bad.RealProcess ? await CliProcess.RunAsync(args, IsolatedAws.Environment(temp.Path))
            : bad.Unprivileged ? await CliProcess.RunAsync(args, wrapper: Environment.IsPrivilegedProcess ? WithoutFileCapabilities : [])
            : await CliAsync(args);

        var output = stdout + stderr;
        Assert.True(bad.Exit == code, $"exit {code}, expected {bad.Exit}:\n{output}");
        if (bad.Code.Length > 0)
        {
            var error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error ", StringComparison.Ordinal));
            Assert.StartsWith($"error {bad.Code}: ", error);
            Assert.DoesNotContain("   at ", output);
        }
        else
        {
            Assert.Contains(stdout.Split('\n'), l => l.StartsWith("warning S3D1", StringComparison.Ordinal) && l.Contains(bad.Says!, StringComparison.Ordinal));
            Assert.DoesNotContain(stdout.Split('\n'), l => !l.StartsWith("warning S3D1", StringComparison.Ordinal) && (l.Contains("secret.txt", StringComparison.Ordinal) || l.Contains("loop/again", StringComparison.Ordinal)));
        }

        Assert.True(output.Contains(bad.Says ?? "", StringComparison.Ordinal), output);
        Assert.Equal(before.OrderBy(o => o.Key, StringComparer.Ordinal), (await Bucket.ListAsync()).OrderBy(o => o.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Table_has_at_least_30_cases_of_each_kind_that_matters()
    {
        Assert.True(Cases.Count >= 30);
        Assert.Contains(Cases.Values, c => c.Exit == 2);
        Assert.Contains(Cases.Values, c => c.Exit == 3);
        Assert.Contains(Cases.Values, c => c.Rule is not null);
    }

    /// <summary>
    /// Root reads through chmod 000, so as root the CLI runs without the two capabilities that let it (setpriv drops them
    /// from the bounding set, and the exec'd process never gets them back).
    /// </summary>
    private static readonly string[] WithoutFileCapabilities = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"];

    private static void MakeUnreadableFolder(TempSite site)
    {
        site.Write("locked/page.html", "x");
        Lock(site.FullPath("locked"));
    }

    private static void Lock(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Unreadable files and folders are made with Unix permissions.");
        }

        File.SetUnixFileMode(path, UnixFileMode.None);
    }

    private static void LinkLoops(TempSite site)
    {
        Directory.CreateDirectory(site.FullPath("loop"));
        Directory.CreateSymbolicLink(site.FullPath("loop/again"), site.FullPath("loop"));
        File.CreateSymbolicLink(site.FullPath("self.txt"), site.FullPath("self.txt"));
    }

    private sealed record BadInput(string Code, int Exit, Func<Context, string[]> Args, string? Says = null, Func<ProxyRequest, Fault?>? Rule = null, bool RealProcess = false, bool Unprivileged = false);

    private sealed record Context(TempSite Site, string Bucket, string Endpoint, string ProxyEndpoint, string Temp)
    {
        public string Outside => Path.Combine(Temp, "outside.txt");

        public Context Arrange(Action<TempSite> arrange)
        {
            arrange(Site);
            return this;
        }

        public string[] Deploy(params string[] extra) => ["deploy", Site.Path, $"s3://{Bucket}/site", "--endpoint-url", Endpoint, .. extra];

        public string[] From(string source) => ["deploy", source, $"s3://{Bucket}/site", "--endpoint-url", Endpoint];

        public string[] To(string target) => ["deploy", Site.Path, target, "--endpoint-url", Endpoint];

        public string[] Plan() => ["plan", Site.Path, $"s3://{Bucket}/site", "--endpoint-url", Endpoint];

        public string[] Proxied() => ["deploy", Site.Path, $"s3://{Bucket}/site", "--endpoint-url", ProxyEndpoint];

        public string Config(string json)
        {
            var path = Path.Combine(Temp, "s3deploy.json");
            File.WriteAllText(path, json);
            return path;
        }
    }
}
