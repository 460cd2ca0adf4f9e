/* nines-window-export.c: the Export menu (win.export-*) and win.provision: a file chooser,
 * then the same library functions nines-cli export uses (report/nines-export.h), run in a
 * worker thread on a copy of the document so a large diagram or the report never stalls
 * the window. */
#define G_LOG_DOMAIN "nines-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-export.h"
#include "nines-provision-dialog.h"
#include "nines-window-private.h"

typedef enum
{
  EXPORT_CLOUDFORMATION,
  EXPORT_DIAGRAM,
  EXPORT_COSTS,
  EXPORT_REPORT,
  EXPORT_RUNBOOK,
} ExportKind;

typedef struct
{
  const char          *name;       /* win.export-NAME and the kind in win.export-to */
  const char          *title;      /* the chooser's title (translatable) */
  GtkFileChooserAction action;
  const char * const  *formats;    /* the chooser's "format" choice; first = default */
  const char * const  *labels;     /* their labels (translatable) */
  const char * const  *suffixes;   /* the file name ending each format gets */
} ExportInfo;

static const char * const cfn_formats[] = { "json", NULL };
static const char * const cfn_labels[] = { N_("CloudFormation JSON"), NULL };
static const char * const cfn_suffixes[] = { "", NULL };
static const char * const diagram_formats[] = { "png", "svg", "pdf", NULL };
static const char * const diagram_labels[] = { N_("PNG image"), N_("SVG drawing"),
                                               N_("PDF document"), NULL };
static const char * const diagram_suffixes[] = { ".png", ".svg", ".pdf", NULL };
static const char * const cost_formats[] = { "csv", "json", "calculator", NULL };
static const char * const cost_labels[] = { N_("CSV line items"), N_("JSON"),
                                            N_("AWS Pricing Calculator JSON"), NULL };
static const char * const cost_suffixes[] = { ".csv", ".json", ".json", NULL };
static const char * const report_formats[] = { "pdf", NULL };
static const char * const report_labels[] = { N_("PDF document"), NULL };
static const char * const report_suffixes[] = { ".pdf", NULL };
static const char * const runbook_formats[] = { "markdown", NULL };
static const char * const runbook_labels[] = { N_("Markdown"), NULL };
static const char * const runbook_suffixes[] = { ".md", NULL };

static const ExportInfo exports[] = {
  [EXPORT_CLOUDFORMATION] = { "cloudformation", N_("Export CloudFormation Templates to a Folder"),
                              GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                              cfn_formats, cfn_labels, cfn_suffixes },
  [EXPORT_DIAGRAM] = { "diagram", N_("Export the Diagram"), GTK_FILE_CHOOSER_ACTION_SAVE,
                       diagram_formats, diagram_labels, diagram_suffixes },
  [EXPORT_COSTS] = { "costs", N_("Export the Costs"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     cost_formats, cost_labels, cost_suffixes },
  [EXPORT_REPORT] = { "report", N_("Export the Management Report"), GTK_FILE_CHOOSER_ACTION_SAVE,
                      report_formats, report_labels, report_suffixes },
  [EXPORT_RUNBOOK] = { "runbook", N_("Export the DR Runbook"), GTK_FILE_CHOOSER_ACTION_SAVE,
                       runbook_formats, runbook_labels, runbook_suffixes },
};

typedef struct
{
  ExportKind      kind;
  char           *format;
  char           *path;
  NinesDocument  *document;    /* a private copy: the worker never sees the live one */
  NinesDrPattern  pattern;
  char          **written;     /* CloudFormation: the files written */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->format);
  g_free (job->path);
  g_clear_object (&job->document);
  g_strfreev (job->written);
  g_free (job);
}

static gboolean
lookup_kind (const char *name,
             ExportKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (g_str_equal (name, exports[i].name))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
run_export (ExportJob  *job,
            GError    **error)
{
  g_autoptr(NinesDeployment) deployment = nines_deployment_new (job->document, job->pattern);

  switch (job->kind)
    {
    case EXPORT_CLOUDFORMATION:
      job->written = nines_export_cloudformation_dir (deployment, job->path, error);
      return job->written != NULL;
    case EXPORT_DIAGRAM:
      {
        NinesDiagramFormat format = NINES_DIAGRAM_FORMAT_PNG;

        if (g_str_equal (job->format, "svg"))
          format = NINES_DIAGRAM_FORMAT_SVG;
        else if (g_str_equal (job->format, "pdf"))
          format = NINES_DIAGRAM_FORMAT_PDF;
        /* 2 pixels per plan unit, as nines-cli export diagram. */
        return nines_report_export_diagram (deployment, format, 2.0, job->path, error);
      }
    case EXPORT_COSTS:
      {
        NinesCostFormat format = NINES_COST_FORMAT_CSV;

        if (g_str_equal (job->format, "json"))
          format = NINES_COST_FORMAT_JSON;
        else if (g_str_equal (job->format, "calculator"))
          format = NINES_COST_FORMAT_CALCULATOR;
        return nines_export_costs (deployment, format, NULL, job->path, error);
      }
    case EXPORT_REPORT:
      return nines_export_report (job->document, job->pattern, NULL, job->path, error);
    case EXPORT_RUNBOOK:
      return nines_export_runbook (deployment, job->path, error);
    default:
      g_assert_not_reached ();
    }
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_export (data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  NinesWindow *self = NINES_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_assert (self->exports_running > 0);
  self->exports_running--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *msg = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (msg), _("Could not write “%s”: %s"),
                                      job->path, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (msg));
      return;
    }
  if (job->kind == EXPORT_CLOUDFORMATION)
    {
      g_autofree char *dir = g_path_get_basename (job->path);
      guint n = g_strv_length (job->written);
      g_autofree char *msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Exported %u template to “%s”",
                                                           "Exported %u templates to “%s”", n),
                                              n, dir);
      nines_window_add_toast (self, msg);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (job->path);
      g_autofree char *msg = g_strdup_printf (_("Exported “%s”"), base);

      nines_window_add_toast (self, msg);
    }
}

/* Starts the export of the current design to @path; the result is a toast or an error
 * dialog. */
static void
start_export (NinesWindow *self,
              ExportKind   kind,
              const char  *format,
              const char  *path)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (self->document != NULL);

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->format = g_strdup (format && *format ? format : exports[kind].formats[0]);
  job->path = g_strdup (path);
  job->document = nines_document_copy (self->document);
  job->pattern = nines_document_get_dr_pattern (self->document);
  /* The shared catalog and price data are created once, here, not raced for by workers. */
  nines_catalog_get_default ();
  nines_price_snapshot_get_default ();

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  self->exports_running++;
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     NinesWindow     *self)
{
  ExportKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "kind"));
  const ExportInfo *info = &exports[kind];

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      const char *format = info->formats[0];
      const char *suffix = info->suffixes[0];

      if (info->formats[1] != NULL)
        {
          const char *chosen = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format");

          for (guint i = 0; chosen && info->formats[i]; i++)
            if (g_str_equal (chosen, info->formats[i]))
              {
                format = info->formats[i];
                suffix = info->suffixes[i];
              }
        }
      if (path == NULL)
        nines_window_add_toast (self, _("Only local files can be written"));
      else
        {
          g_autofree char *lower = g_ascii_strdown (path, -1);

          if (*suffix && !g_str_has_suffix (lower, suffix))
            {
              char *with = g_strconcat (path, suffix, NULL);

              g_free (path);
              path = with;
            }
          start_export (self, kind, format, path);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  NinesWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action)) + strlen ("export-");
  GtkFileChooserNative *chooser;
  const ExportInfo *info;
  ExportKind kind;

  if (self->document == NULL || !lookup_kind (name, &kind))
    return;
  info = &exports[kind];
  chooser = gtk_file_chooser_native_new (_(info->title), GTK_WINDOW (self), info->action,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (info->action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autofree char *base = g_strdup_printf ("%s%s", nines_document_get_name (self->document),
                                               info->suffixes[0]);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), base);
    }
  if (info->formats[1] != NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      for (guint i = 0; info->labels[i]; i++)
        g_ptr_array_add (labels, (gpointer) _(info->labels[i]));
      g_ptr_array_add (labels, NULL);
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                                   (const char **) info->formats, (const char **) labels->pdata);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", info->formats[0]);
    }
  g_object_set_data (G_OBJECT (chooser), "kind", GUINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* win.export-to (KIND, PATH, FORMAT): the export without a chooser, for scripts and tests;
 * FORMAT "" is the kind's default. */
static void
export_to_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  NinesWindow *self = data;
  const char *name, *path, *format;
  ExportKind kind;

  g_variant_get (param, "(&s&s&s)", &name, &path, &format);
  if (self->document == NULL)
    return;
  if (!lookup_kind (name, &kind))
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown export “%s”"), name);

      nines_window_add_toast (self, msg);
      return;
    }
  if (*format && !g_strv_contains (exports[kind].formats, format))
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown format “%s”"), format);

      nines_window_add_toast (self, msg);
      return;
    }
  start_export (self, kind, format, path);
}

static void
provision_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  NinesWindow *self = data;

  if (self->document != NULL)
    nines_provision_dialog_present (GTK_WINDOW (self), self->document);
}

static const GActionEntry export_entries[] = {
  { "provision", provision_action },
  { "export-cloudformation", export_action },
  { "export-diagram", export_action },
  { "export-costs", export_action },
  { "export-report", export_action },
  { "export-runbook", export_action },
  { "export-to", export_to_action, "(sss)" },
};

void
_nines_window_init_export_actions (NinesWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), export_entries,
                                   G_N_ELEMENTS (export_entries), self);
}
