/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pf-labelled-entry.h"

/**
 * pf_labelled_entry_append:
 * @box: a vertical #GtkBox, e.g. the extra child of a message dialog
 * @label_text: the label, with a mnemonic
 * @text: (nullable): the entry's first text
 * @name: the entry's widget name, by which tests find it
 * @changed_cb: connected to the entry's #GtkEditable::changed
 *
 * Appends a heading label and the entry it names to @box, the label
 * being the entry's mnemonic and accessible label.
 *
 * Returns: (transfer none): the entry
 */
GtkWidget *
pf_labelled_entry_append (GtkWidget  *box,
                          const char *label_text,
                          const char *text,
                          const char *name,
                          GCallback   changed_cb,
                          gpointer    user_data)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_add_css_class (label, "heading");
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_widget_set_name (entry, name);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_signal_connect (entry, "changed", changed_cb, user_data);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}
