using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using GraphQLParser;
using GraphQLParser.AST;

namespace CloudjetGraph.UnitTests.Profiles;

/// <summary>
/// Adding a personal field must touch only the catalogue, the entity and a migration: these walk
/// the catalogue against <see cref="Profile"/> and the committed SDL, so a field added to one and
/// not the other fails here rather than being left unsealed, uncounted or unreadable.
/// </summary>
public sealed class PersonalFieldCatalogueTests
{
    // byte[] columns of Profile that are not a field's sealed value or blind index, each for a reason.
    private static readonly string[] OtherByteColumns =
    [
        nameof(Profile.PasswordHash), // sealed, but never released: it has no schema field.
        nameof(Profile.AccessTag), // a keyed tag over access columns, not personal data.
    ];

    [Fact]
    public void All_EveryByteArrayColumnOfProfile_IsASealedFieldOrItsIndexOrNamedAbove()
    {
        var described = PersonalFieldCatalogue.All
            .SelectMany(d => new[] { d.Column.PropertyName, d.BlindIndex?.PropertyName })
            .OfType<string>()
            .Concat(OtherByteColumns)
            .Order()
            .ToList();

        var columns = typeof(Profile).GetProperties().Where(p => p.PropertyType == typeof(byte[])).Select(p => p.Name).Order().ToList();

        Assert.Equal(columns, described);
    }

    [Fact]
    public void All_EveryDescriptor_HasANullableStringFieldOfProfileInTheSchema()
    {
        var profile = SchemaFields("Profile");

        foreach (var descriptor in PersonalFieldCatalogue.All)
        {
            Assert.True(profile.TryGetValue(descriptor.SchemaName, out var type), $"Profile.{descriptor.SchemaName} is missing from the SDL.");
            Assert.Equal("String", type);
        }
    }

    [Theory]
    [InlineData("UpdateMyProfileInput")]
    [InlineData("CorrectProfileInput")]
    public void Editable_EveryDescriptor_IsAFieldOfTheChangeInputAndNothingElseIs(string inputType)
    {
        var input = SchemaFields(inputType);

        Assert.Equal(PersonalFieldCatalogue.Editable.Select(d => d.SchemaName).Order(), input.Keys.Order());
        Assert.All(PersonalFieldCatalogue.Editable, d => Assert.False(string.IsNullOrWhiteSpace(d.EditDescription)));
    }

    [Fact]
    public void All_Descriptors_NameDistinctFieldsColumnsAndStoredNames()
    {
        var all = PersonalFieldCatalogue.All;

        Assert.Equal(all.Count, all.Select(d => d.Field).Distinct().Count());
        Assert.Equal(all.Count, all.Select(d => d.Column.PropertyName).Distinct().Count());
        Assert.Equal(all.Count, all.Select(d => d.StoredName).Distinct().Count());
    }

    [Fact]
    public void Sealed_IsTheCataloguesFieldsInOrder()
    {
        Assert.Equal(PersonalFieldCatalogue.All.Select(d => d.Field), ProfileFields.Sealed);
    }

    [Fact]
    public void Column_SetThenGet_ReturnsTheBytesOnTheNamedProperty()
    {
        var profile = NewProfile();
        var phone = PersonalFieldCatalogue.Of(ProfileField.Phone);

        phone.Column.Set(profile, [1, 2, 3]);

        Assert.Equal([1, 2, 3], profile.Phone);
        Assert.Equal([1, 2, 3], phone.Column.Get(profile));
        Assert.Null(profile.FullName);
    }

    [Fact]
    public void Of_FieldThatIsNotSealed_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonalFieldCatalogue.Of(ProfileField.CreatedAt));
    }

    [Fact]
    public void ProfileColumn_ExpressionThatIsNoProperty_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ProfileColumn(p => p.FullName ?? Array.Empty<byte>()));
    }

    private static Profile NewProfile() => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = Guid.NewGuid(),
        ConsentAcceptedAt = DateTimeOffset.UnixEpoch,
        ConsentPolicyVersion = "v",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    // Field name to its type's name, as the committed SDL declares them.
    private static Dictionary<string, string> SchemaFields(string typeName)
    {
        var document = Parser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cloudjet.graphql")));
        var definition = document.Definitions.OfType<GraphQLTypeDefinition>().Single(d => d.Name.StringValue == typeName);
        return definition switch
        {
            GraphQLObjectTypeDefinition type => type.Fields!.Items.ToDictionary(f => f.Name.StringValue, f => TypeName(f.Type)),
            GraphQLInputObjectTypeDefinition input => input.Fields!.Items.ToDictionary(f => f.Name.StringValue, f => TypeName(f.Type)),
            _ => throw new InvalidOperationException($"{typeName} is neither an object nor an input type."),
        };
    }

    private static string TypeName(GraphQLType type) => type is GraphQLNamedType named ? named.Name.StringValue : type.ToString()!;
}
