<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
Khmer for Qt's own words in CivicDesk: standard buttons, text-field and scroll-bar menus, and
Qt's file, input and progress dialogs. Qt ships no Khmer qtbase catalog. Each message is looked
up by its context, source text and disambiguation exactly as Qt's sources write them ("&" and
"..." included), so copy new ones from Qt's catalogs, never retype them.
Khmer has no mnemonic letters: an accelerator goes after the word as "(&X)", as in
translations/km/LC_MESSAGES/civicdesk.po, whose wording these follow.
After a change, scripts/update_translations.py compiles it with Qt's lrelease into
resources/qt/qtbase_km.qm (its qt-only option leaves the gettext catalogs alone); commit both.
tests/ui/test_qt_translations.py fails when the committed .qm is stale.
-->
<TS version="2.1" language="km" sourcelanguage="en">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>ថាស</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>ថត</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>ថតឯកសារ</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>ផ្លូវកាត់</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>មិនស្គាល់</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>ជ្រើសរើសទាំងអស់ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>បង្កើនមួយជំហាន (&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>បន្ថយមួយជំហាន (&amp;D)</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>រកមើលក្នុង (&amp;L)៖</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>រកមើលក្នុង៖</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ឈ្មោះឯកសារ (&amp;N)៖</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ប្រភេទឯកសារ (&amp;T)៖</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>ប្រភេទឯកសារ៖</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>បើក (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>ជ្រើសរើស (&amp;C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>រក្សាទុកជា</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>ស្វែងរកថត</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>ថយទៅក្រោយ</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>ទៅមុខ</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>ទៅមុខវិញ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ថតមេ</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ទៅកាន់ថតមេ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>បង្កើតថតថ្មី</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>បង្កើតថតថ្មីមួយ</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>បង្ហាញជាបញ្ជី</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>ប្តូរទៅការបង្ហាញជាបញ្ជី</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>បង្ហាញលម្អិត</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>ប្តូរទៅការបង្ហាញលម្អិត</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>របារចំហៀង</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>បញ្ជីទីតាំង និងចំណាំ</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>ទីតាំងថ្មីៗ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ដកចេញ</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>ថត</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>ថត៖</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>ប្តូរឈ្មោះ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>បង្ហាញឯកសារដែលលាក់ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>ថតថ្មី (&amp;N)</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>ថតថ្មី</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>បង្ហាញ</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 មានរួចហើយ។
តើជំនួសវាឬ?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
រកមិនឃើញឯកសារ។
សូមពិនិត្យមើលថាឈ្មោះឯកសារត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
រកមិនឃើញថត។
សូមពិនិត្យមើលថាឈ្មោះថតត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>'%1' is write protected.
Do you want to delete it anyway?</source>
        <translation>«%1» ត្រូវបានការពារមិនឱ្យកែប្រែ។
តើនៅតែលុបវាឬ?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation>តើពិតជាលុប «%1» ឬ?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>មិនអាចលុបថតបានទេ។</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>កាលបរិច្ឆេទកែប្រែ</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>កុំព្យូទ័រ</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>កុំព្យូទ័ររបស់ខ្ញុំ</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>ឈ្មោះឯកសារមិនត្រឹមត្រូវ</translation>
    </message>
    <message>
        <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;មិនអាចប្រើឈ្មោះ «%1» បានទេ។&lt;/b&gt;&lt;p&gt;សូមប្រើឈ្មោះផ្សេង ដែលមានតួអក្សរតិចជាងនេះ ឬគ្មានសញ្ញាវណ្ណយុត្តិ។</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>យល់ព្រម (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>បោះបង់ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>បិទដោយមិនរក្សាទុក</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>សូមបញ្ចូលតម្លៃ៖</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសរើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ជំនួយ</translation>
    </message>
    <message>
        <source>Show Details...</source>
        <translation>បង្ហាញព័ត៌មានលម្អិត…</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>លាក់ព័ត៌មានលម្អិត…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>រក្សាទុកទាំងអស់</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>បាទ/ចាស (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>បាទ/ចាស ចំពោះទាំងអស់ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ទេ (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ទេ ចំពោះទាំងអស់ (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>បញ្ឈប់</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ព្យាយាមម្តងទៀត</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>មិនអើពើ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>មិនរក្សាទុក</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ជំនួយ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>អនុវត្ត</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>កំណត់ឡើងវិញ</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ស្តារការកំណត់លំនាំដើម</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>រំកិលមកទីនេះ</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>គែមខាងឆ្វេង</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>ខាងលើបំផុត</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>គែមខាងស្តាំ</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>ខាងក្រោមបំផុត</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>មួយទំព័រទៅឆ្វេង</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>មួយទំព័រឡើងលើ</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>មួយទំព័រទៅស្តាំ</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>មួយទំព័រចុះក្រោម</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>រំកិលទៅឆ្វេង</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>រំកិលឡើងលើ</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>រំកិលទៅស្តាំ</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>រំកិលចុះក្រោម</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>រំកិលទៅឆ្វេង</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>រំកិលទៅស្តាំ</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសរើសទាំងអស់</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>ចម្លងអាសយដ្ឋានតំណ (&amp;L)</translation>
    </message>
</context>
</TS>
