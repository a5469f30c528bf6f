namespace WebhookTasks.Analyzers;

/// <summary>
/// The keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that carry what a code fix needs, so
/// that the fixes never re-read the template to find out what the analyzer already knew.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>On WHT0002: the name of the input the placeholder most likely meant.</summary>
    public const string Suggestion = "Suggestion";

    /// <summary>
    /// On WHT0002 with a <see cref="Suggestion"/>: the property of the suggested input, present only when that
    /// property has no <c>[Input]</c> name yet, so an alias can be added to it.
    /// </summary>
    public const string SuggestedProperty = "SuggestedProperty";

    /// <summary>On WHT0002: the input name the placeholder uses, for a fix that adds the input.</summary>
    public const string InputName = "InputName";

    /// <summary>On WHT0004: the secret name the placeholder uses, for a fix that declares it.</summary>
    public const string SecretName = "SecretName";
}
