using System.ComponentModel.DataAnnotations;
namespace Qorgau.Web.Infrastructure;

/// <summary>Where the app writes: the SQLite file, encrypted blobs and anything else. Bound from <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}

/// <summary>Which jurisdiction profile folder to load. Bound from <c>Profile</c>; empty means Kazakhstan's, shipped with the app.</summary>
public sealed class ProfileOptions : IValidatableObject
{
    public const string SectionName = "Profile";

    public static readonly string DefaultDirectory = Path.Combine(AppContext.BaseDirectory, "profiles", "kz");

    public string Directory { get; set; } = string.Empty;

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory) ? DefaultDirectory : Path.GetFullPath(Directory);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.IO.Directory.Exists(ResolvedDirectory))
        {
            yield return new ValidationResult($"'{ResolvedDirectory}' is not a folder", [nameof(Directory)]);
        }
    }
}
