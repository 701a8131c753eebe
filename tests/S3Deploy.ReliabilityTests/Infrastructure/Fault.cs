namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>What the fault proxy does to one request instead of passing it through untouched.</summary>
internal sealed record Fault(FaultKind Kind, int Status = 0, string Code = "", string Message = "", string ExtraXml = "", IReadOnlyList<(string Name, string Value)>? Headers = null)
{
    /// <summary>For <see cref="FaultKind.Answer"/>: the body to send (its length is sent too, unless <see cref="Endless"/>).</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>For <see cref="FaultKind.Answer"/>: repeat <see cref="Body"/> without end, with no Content-Length, until the client hangs up.</summary>
    public bool Endless { get; init; }

    /// <summary>For <see cref="FaultKind.Rewrite"/>: applied to the response head and to its body (as Latin-1 text).</summary>
    public Func<string, string>? RewriteText { get; init; }

    /// <summary>For <see cref="FaultKind.Trickle"/>: the pause before each byte of the body.</summary>
    public TimeSpan Interval { get; init; }

    public static Fault SlowDown { get; } = Error(503, "SlowDown", "Please reduce your request rate.");

    public static Fault InternalError { get; } = Error(500, "InternalError", "We encountered an internal error. Please try again.");

    public static Fault AccessDenied { get; } = Error(403, "AccessDenied", "Access Denied");

    public static Fault ExpiredToken { get; } = Error(400, "ExpiredToken", "The provided token has expired.");

    public static Fault ClockSkew { get; } = Error(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", "<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>");

    public static Fault ResetMidBody { get; } = new(FaultKind.ResetMidBody);

    public static Fault CutResponse { get; } = new(FaultKind.CutResponse);

    public static Fault Stall { get; } = new(FaultKind.Stall);

    public static Fault FlipByte { get; } = new(FaultKind.FlipByte);

    public static Fault StallBody { get; } = new(FaultKind.StallBody);

    /// <summary>What S3 answers when the bucket lives in another region: 301 with the region in a header and the endpoint in the body.</summary>
    public static Fault PermanentRedirect(string bucket, string region) =>
        Error(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.", $"<Endpoint>{bucket}.s3.{region}.amazonaws.com</Endpoint><Bucket>{bucket}</Bucket>") with
        {
            Headers = [("x-amz-bucket-region", region)],
        };

    public static Fault Answer(int status, byte[] body, params (string Name, string Value)[] headers) => new(FaultKind.Answer, status) { Body = body, Headers = headers };

    public static Fault Rewrite(Func<string, string> rewrite) => new(FaultKind.Rewrite) { RewriteText = rewrite };

    public static Fault Trickle(TimeSpan interval) => new(FaultKind.Trickle) { Interval = interval };

    public static Fault Error(int status, string code, string message, string extraXml = "") => new(FaultKind.Error, status, code, message, extraXml);
}
