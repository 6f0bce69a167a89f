using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RegionsAndNeedsBands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Settings",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NeedsBand",
                table: "Referrals",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                // Referrals made before needs bands existed count as standard in price benchmarks.
                defaultValue: "Standard");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Region",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "NeedsBand",
                table: "Referrals");
        }
    }
}
