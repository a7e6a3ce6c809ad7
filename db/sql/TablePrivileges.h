#pragma once

// What the connected account may do on one table.
struct TablePrivileges {
    bool select = false;
    bool insert = false;
    bool update = false;
    bool del = false; // DELETE ("delete" is a keyword)

    bool any() const { return select || insert || update || del; }
    bool all() const { return select && insert && update && del; }
    bool operator==(const TablePrivileges &o) const = default;
};
