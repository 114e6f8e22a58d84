namespace CloudjetGraph.Api.GraphiQL;

/// <summary>
/// GraphiQL's Content-Security-Policy: scripts, workers, fonts, images and requests from the gateway's
/// own origin only, no inline script and no eval, so an injected script cannot run and nothing on the
/// page can send a token elsewhere (docs/hardening.md).
/// </summary>
internal static class GraphiQLContentSecurityPolicy
{
    public static void Build(CspBuilder csp)
    {
        ArgumentNullException.ThrowIfNull(csp);
        csp.AddDefaultSrc().None();
        csp.AddScriptSrc().Self();

        // Monaco, GraphiQL 5's editor, writes <style> elements and style attributes at run time and
        // offers no nonce: without inline styles its lines overlap unreadably. A style cannot run
        // code, and with images, fonts and requests held to 'self' it cannot send anything away.
        csp.AddStyleSrc().Self().UnsafeInline();
        csp.AddImgSrc().Self();
        csp.AddFontSrc().Self();
        csp.AddConnectSrc().Self();

        // Monaco's language services run in workers built into the bundle.
        csp.AddWorkerSrc().Self();
        csp.AddBaseUri().None();
        csp.AddFormAction().None();
        csp.AddFrameAncestors().None();
    }
}
