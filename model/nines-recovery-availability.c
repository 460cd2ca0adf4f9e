/* nines-recovery-availability.c: the workload's availability from component SLAs, AZ
 * redundancy and regional failover, as nines and minutes of downtime a year. */
#define G_LOG_DOMAIN "nines-recovery"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-recovery-private.h"

#define MINUTES_PER_YEAR (365.0 * 24.0 * 60.0)

/* Monthly uptime commitments from each service's AWS Service Level Agreement
 * (aws.amazon.com/legal/service-level-agreements/), the figure below which AWS gives the
 * first tier of service credits. (sla, source) for a component; FALSE when the kind is
 * not in the path of requests (VPC, NAT egress, GuardDuty, the CI server). */
gboolean
_nines_recovery_component_sla (NinesComponent  *c,
                               double          *sla,
                               const char     **source)
{
  const char *kind = nines_component_get_kind (c);
  gboolean multi_az = nines_component_get_n_azs (c) >= 2;

  if (_nines_kind_is (kind, "ec2-asg"))
    {
      if (multi_az)
        *sla = 0.9999, *source = N_("Amazon Compute SLA, Region-level (instances in two or more AZs): 99.99 %");
      else
        *sla = 0.995, *source = N_("Amazon Compute SLA, Instance-level (one AZ): 99.5 %");
    }
  else if (_nines_kind_is (kind, "alb") || _nines_kind_is (kind, "nlb"))
    *sla = 0.9999, *source = N_("Elastic Load Balancing SLA: 99.99 %");
  else if (_nines_kind_is (kind, "rds"))
    {
      if (nines_component_get_bool (c, "multi_az"))
        *sla = 0.9995, *source = N_("Amazon RDS SLA, Multi-AZ DB instance: 99.95 %");
      else
        *sla = 0.995, *source = N_("Amazon RDS SLA, Single-AZ DB instance: 99.5 %");
    }
  else if (_nines_kind_is (kind, "aurora"))
    {
      if (nines_component_get_int (c, "readers") >= 1 && multi_az)
        *sla = 0.9999, *source = N_("Amazon Aurora SLA, Multi-AZ DB cluster: 99.99 %");
      else
        *sla = 0.999, *source = N_("Amazon Aurora SLA, Single-AZ DB instance or cluster: 99.9 %");
    }
  else if (_nines_kind_is (kind, "s3"))
    {
      const char *cls = nines_component_get_string (c, "storage_class");

      if (g_str_equal (cls, "STANDARD") || g_str_equal (cls, "INTELLIGENT_TIERING"))
        *sla = 0.999, *source = N_("Amazon S3 SLA, S3 Standard / Intelligent-Tiering: 99.9 %");
      else
        *sla = 0.99, *source = N_("Amazon S3 SLA, Standard-IA / One Zone-IA / Glacier IR: 99 %");
    }
  else if (_nines_kind_is (kind, "dynamodb"))
    *sla = 0.9999, *source = N_("Amazon DynamoDB SLA, standard tables: 99.99 % (global tables 99.999 %)");
  else if (_nines_kind_is (kind, "route53"))
    /* xgettext:no-c-format */
    *sla = 1.0, *source = N_("Amazon Route 53 SLA: 100 % for DNS queries");
  else if (_nines_kind_is (kind, "cloudfront"))
    *sla = 0.999, *source = N_("Amazon CloudFront SLA: 99.9 %");
  else if (_nines_kind_is (kind, "lambda"))
    *sla = 0.9995, *source = N_("AWS Lambda SLA: 99.95 %");
  else if (_nines_kind_is (kind, "sqs"))
    *sla = 0.999, *source = N_("Amazon SQS SLA: 99.9 %");
  else if (_nines_kind_is (kind, "elasticache"))
    {
      if (multi_az && nines_component_get_int (c, "nodes") >= 2)
        *sla = 0.9999, *source = N_("Amazon ElastiCache SLA, Multi-AZ: 99.99 %");
      else
        *sla = 0.999, *source = N_("Amazon ElastiCache SLA, single-AZ: 99.9 %");
    }
  else if (_nines_kind_is (kind, "efs"))
    {
      if (g_str_equal (nines_component_get_string (c, "storage_class"), "one-zone"))
        *sla = 0.999, *source = N_("Amazon EFS SLA, One Zone: 99.9 %");
      else
        *sla = 0.9999, *source = N_("Amazon EFS SLA, Regional: 99.99 %");
    }
  else
    return FALSE;
  return TRUE;
}

#define TERMS_PER_BLOCK 512

/* The terms, one per serving component: allocated a block at a time, freed with them. */
static NinesSlaTerm *
term_alloc (NinesRecovery *self)
{
  guint n = self->availability.terms->len % TERMS_PER_BLOCK;

  if (n == 0)
    g_ptr_array_add (self->term_blocks, g_new (NinesSlaTerm, TERMS_PER_BLOCK));
  return (NinesSlaTerm *) g_ptr_array_index (self->term_blocks, self->term_blocks->len - 1) + n;
}

void
_nines_recovery_clear_availability (NinesAvailability *a)
{
  g_clear_pointer (&a->terms, g_ptr_array_unref);
  g_clear_pointer (&a->method, g_free);
}

void
_nines_recovery_build_availability (NinesRecovery *self)
{
  NinesAvailability *a = &self->availability;
  NinesDeployment *dep = self->deployment;
  NinesDocument *document = nines_deployment_get_document (dep);
  const char *primary = nines_deployment_get_primary_region (dep);
  const char *recovery = nines_deployment_get_recovery_region (dep);
  double outage_s = nines_document_get_knob_double (document, "region_outage_hours") * 3600.0;
  double region = 1.0, global = 1.0, standby = 1.0;
  gboolean has_standby = FALSE;
  /* The sources are a few static strings: translate each once, not once per component. */
  const char *untranslated[32] = { NULL };
  const char *translated[32];

  a->terms = g_ptr_array_new ();
  self->term_blocks = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);
      const NinesComponentFacts *facts = _nines_recovery_item_facts (self, i, TRUE);
      const char *source;
      double sla;

      if (i + 8 < nines_deployment_get_n_items (dep))
        __builtin_prefetch (nines_deployment_get_item (dep, i + 8));
      if (facts == NULL || !facts->has_sla)
        continue;
      sla = facts->sla;
      source = facts->sla_source;
      if (!item->added)
        {
          NinesSlaTerm *term = term_alloc (self);
          const char *text = NULL;
          guint k;

          for (k = 0; k < G_N_ELEMENTS (untranslated) && untranslated[k] != NULL; k++)
            if (untranslated[k] == source)
              {
                text = translated[k];
                break;
              }
          if (text == NULL)
            {
              text = _(source);
              if (k < G_N_ELEMENTS (untranslated))
                {
                  untranslated[k] = source;
                  translated[k] = text;
                }
            }
          /* Borrowed: the item is the deployment's, which self holds; the text static. */
          term->component_id = item->id;
          term->sla = sla;
          term->source = (char *) text;
          g_ptr_array_add (a->terms, term);
          if (item->region == NULL)
            global *= sla;
          else if (_nines_same_region (item->region, primary))
            region *= sla;
        }
      else if (recovery != NULL && _nines_same_region (item->region, recovery))
        {
          standby *= sla;
          has_standby = TRUE;
        }
    }

  a->region_availability = region;
  a->global_availability = global;
  if (recovery != NULL && has_standby)
    {
      a->covered_fraction = outage_s > 0 ? CLAMP (1.0 - self->rto_s / outage_s, 0.0, 1.0) : 0.0;
      a->availability = global * (region + (1.0 - region) * a->covered_fraction * standby);
    }
  else
    {
      a->covered_fraction = 0;
      a->availability = global * region;
    }
  a->downtime_min_per_year = (1.0 - a->availability) * MINUTES_PER_YEAR;
  a->nines = a->availability >= 1.0 ? 9.0 : MIN (9.0, -log10 (1.0 - a->availability));
  a->method = g_strdup_printf (_("Serial composition of the SLAs of the components that serve requests: "
                                 "one region R = product of its SLAs (a component in one AZ takes the "
                                 "single-AZ SLA), global services G likewise. A regional outage is taken "
                                 "to last the knob region_outage_hours (D = %.1f h); the recovery region, "
                                 "with availability R' from its failed-over components, serves the part "
                                 "of it after the RTO: A = G × (R + (1 − R) × max(0, 1 − RTO/D) × R'). "
                                 "SLAs are the floors AWS credits below, not measurements: a planning "
                                 "estimate."), outage_s / 3600.0);
}
