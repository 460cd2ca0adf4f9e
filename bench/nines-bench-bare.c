/* nines-bench-bare.c: the reference for the start-up benchmark.
 *
 * The least a GTK 4 + libadwaita application can show: an AdwApplicationWindow with a
 * header bar and a label, built in code. ./bench.sh times it to its first frame with
 * the same instrument (nines-bench-first-frame.so) and in the same run as `nines`, so
 * the ratio measures what Nines adds on top of the toolkit. */
#define G_LOG_DOMAIN "nines-bench"

#include "config.h"

#include <adwaita.h>

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *win = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new ("Bare window", "GTK 4 + libadwaita");
  GtkWidget *label = gtk_label_new ("Nothing here");

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (win), box);
  gtk_window_set_default_size (GTK_WINDOW (win), 1000, 700);
  gtk_window_present (GTK_WINDOW (win));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ninesdr.Nines.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
