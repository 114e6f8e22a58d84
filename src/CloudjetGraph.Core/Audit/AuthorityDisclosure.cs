namespace CloudjetGraph.Core.Audit;

/// <summary>
/// What a release to a competent authority records beside its purpose, so that the owner's access
/// log shows it as a disclosure: the law and the provision it rests on, and the end of a
/// confidentiality hold when the authority asked for one. Never the authority's request reference:
/// that stays in the operation's own record, which the owner does not read.
/// </summary>
/// <param name="Law">The law's number, as <see cref="Privacy.LegalBasis.Law"/> checked it.</param>
/// <param name="Article">The provision, as <see cref="Privacy.LegalBasis.Article"/> checked it.</param>
/// <param name="ConfidentialUntil">Until when the owner is not shown the disclosure (to the millisecond); null when it is shown at once.</param>
public sealed record AuthorityDisclosure(string Law, string Article, DateTimeOffset? ConfidentialUntil);
