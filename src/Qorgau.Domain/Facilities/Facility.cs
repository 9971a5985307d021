namespace Qorgau.Domain.Facilities;

/// <summary>A place of detention, or any place where people may be held, from the facility registry.</summary>
public sealed class Facility
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable lowercase ASCII identifier, used by imports and the API.</summary>
    public required string Code { get; init; }

    public required LocalizedName Name { get; set; }

    public required string TypeCode { get; set; }

    public required string AgencyCode { get; set; }

    public required string RegionCode { get; set; }

    public string? Address { get; set; }

    public int Capacity { get; set; }

    /// <summary>How many interview rooms record video (the "transparent offices"); drives preservation requests.</summary>
    public int VideoRooms { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Loaded by the demo verb; never mixed with a real registry.</summary>
    public bool IsDemo { get; set; }

    public void CopyFrom(Facility other)
    {
        Name = other.Name;
        TypeCode = other.TypeCode;
        AgencyCode = other.AgencyCode;
        RegionCode = other.RegionCode;
        Address = other.Address;
        Capacity = other.Capacity;
        VideoRooms = other.VideoRooms;
        IsActive = other.IsActive;
        IsDemo = other.IsDemo;
    }
}
