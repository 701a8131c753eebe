namespace S3Deploy.ReliabilityTests.Infrastructure;

internal enum FaultKind
{
    /// <summary>Answer an S3 error document instead of forwarding.</summary>
    Error,

    /// <summary>Read half of the request body, then reset the connection (RST); nothing reaches the server.</summary>
    ResetMidBody,

    /// <summary>Forward (the server does the work), then send the client only half of the response and close.</summary>
    CutResponse,

    /// <summary>Read the request and never answer, until the client gives up.</summary>
    Stall,

    /// <summary>Flip one byte in the middle of the request body on its way to the server.</summary>
    FlipByte,

    /// <summary>Answer with the fault's status, headers and body instead of forwarding (a scripted server response).</summary>
    Answer,

    /// <summary>Forward, then pass the response's head and body through the fault's text rewrite before answering.</summary>
    Rewrite,

    /// <summary>Forward, send the response's head at once, then its body one byte per interval.</summary>
    Trickle,

    /// <summary>Read the request's head and never read its body (the client's writes block once the buffers fill).</summary>
    StallBody,
}
