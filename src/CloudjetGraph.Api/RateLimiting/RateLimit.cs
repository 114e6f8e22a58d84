namespace CloudjetGraph.Api.RateLimiting;

/// <summary>The limits of <see cref="RateLimitOptions"/>.</summary>
internal enum RateLimit
{
    /// <summary>Login attempts, partitioned by client address.</summary>
    LoginPerAddress,

    /// <summary>Login attempts, partitioned by the account's blind index.</summary>
    LoginPerAccount,

    /// <summary>Sign-up attempts, partitioned by client address.</summary>
    SignUpPerAddress,

    /// <summary>Profiles released with personal fields, partitioned by caller.</summary>
    PersonalRecords,

    /// <summary>Disclosures to an authority, partitioned by caller, per day.</summary>
    AuthorityExportPerCaller,
}
