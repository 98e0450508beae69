using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Makimono.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChangeLogSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "Subject",
                table: "ArchiveChanges",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SubjectId",
                table: "ArchiveChanges",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Subject",
                table: "ArchiveChanges");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "ArchiveChanges");
        }
    }
}
