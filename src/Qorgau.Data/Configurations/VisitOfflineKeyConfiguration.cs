using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qorgau.Domain.Monitoring;

namespace Qorgau.Data.Configurations;

internal sealed class VisitOfflineKeyConfiguration : IEntityTypeConfiguration<VisitOfflineKey>
{
    public void Configure(EntityTypeBuilder<VisitOfflineKey> builder)
    {
        builder.HasKey(k => k.VisitId);
        builder.HasOne<MonitoringVisit>().WithMany().HasForeignKey(k => k.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}
