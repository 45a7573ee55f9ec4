/// One column of a `get` table, as the server-side printers define it (`metav1.TableColumnDefinition`).
///
/// kubectl prints ``name`` in upper case as the header, and shows ``priority`` 1 columns only with
/// `-o wide`. The CLI's tables and `rollbook serve`'s `Table` answers take their columns from here, so
/// both print the same.
public struct TableColumn: Sendable, Hashable {
    public var name: String
    /// `string` or `integer`.
    public var type: String
    /// `name` for the NAME column, else empty.
    public var format: String
    public var description: String
    /// 0 for the default columns, 1 for the `-o wide` ones.
    public var priority: Int

    public init(_ name: String, type: String = "string", format: String = "", priority: Int = 0, _ description: String) {
        self.name = name
        self.type = type
        self.format = format
        self.priority = priority
        self.description = description
    }

    /// The header kubectl prints.
    public var header: String { name.uppercased() }

    static let name = TableColumn(
        "Name", format: "name",
        "Name must be unique within a namespace. Is required when creating resources, although some resources may "
            + "allow a client to request the generation of an appropriate name automatically.")
    static let age = TableColumn(
        "Age",
        "CreationTimestamp is a timestamp representing the server time when this object was created.")
}

extension Array where Element == TableColumn {
    /// The headers of the columns shown: every column with `wide`, else the priority 0 ones.
    func headers(wide: Bool) -> [String] {
        filter { wide || $0.priority == 0 }.map(\.header)
    }

    /// One object's table: the cells of the columns shown (a row holds a cell per column, wide ones included,
    /// wherever the printer puts them), with the namespace and labels the options ask for.
    func render<Object>(
        _ objects: [Object], wide: Bool, showNamespace: Bool, options: TableOptions, watch: WatchAlignment?,
        row: (Object) -> (namespace: String, cells: [String], labels: [String: String]?)
    ) -> String {
        var table = TablePrinter(columns: headers(wide: wide), showNamespace: showNamespace, options: options)
        for object in objects {
            let (namespace, cells, labels) = row(object)
            table.addRow(namespace: namespace, zip(self, cells).filter { wide || $0.0.priority == 0 }.map(\.1), labels: labels)
        }
        return table.render(watch: watch)
    }
}
