using Microsoft.Extensions.Localization;

// The assembly is named 'qorgau' (the executable's name), so the localiser needs the resources' real root namespace.
[assembly: RootNamespace("Qorgau.Web")]

namespace Qorgau.Web;

/// <summary>Marker for the one resource set every page and message draws on: <c>Resources/SharedResource.{kk,ru,en}.resx</c>.</summary>
public sealed class SharedResource;
