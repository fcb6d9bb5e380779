// One inspection: the sheet for its inspector while it is being scored; for everyone else the
// scores, the engine's explanation and evidence, and for offices the assignment and decision.
import { html, useState, useEffect } from '../html.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { recall, remember } from '../offline.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { Sheet } from './Sheet.js';
import { InspectionView } from './InspectionView.js';

/** The inspection, its evidence and its standard: from the server, else this device's copy. */
async function load(id) {
  try {
    const { inspection, evidence } = await api.get(`/api/v1/inspections/${id}`);
    const standardKey = `standard:${inspection.standard.id}:${inspection.standard.version}`;
    let standard = await recall(standardKey);
    if (!standard) {
      standard = await api.get(`/api/v1/standards/${inspection.standard.id}`,
        { version: inspection.standard.version });
      await remember(standardKey, standard);
    }
    await remember(`inspection:${id}`, { inspection, evidence });
    return { inspection, evidence, standard, offlineCopy: false };
  } catch (error) {
    if (!error.offline) throw error;
    const copy = await recall(`inspection:${id}`);
    if (!copy) throw error;
    const inspection = copy.inspection ?? copy;
    const standard = await recall(`standard:${inspection.standard.id}:${inspection.standard.version}`);
    if (!standard) throw error;
    return { inspection, evidence: copy.evidence ?? [], standard, offlineCopy: true };
  }
}

export function InspectionPage({ user, id }) {
  const [state, setState] = useState({ loading: true });
  const reload = () => load(id).then((data) => setState({ data }), (error) => setState({ error }));
  useEffect(() => {
    setState({ loading: true });
    reload();
  }, [id]);
  if (state.loading) return html`<${Loading} />`;
  if (state.error)
    return html`<${ErrorMessage} error=${state.error.offline
      ? { message: t('sheet.notOffline'), fields: {} } : state.error} />`;
  const { inspection, evidence, standard, offlineCopy } = state.data;
  if (user.role === 'inspector' && inspection.status === 'scheduled')
    return html`<${Sheet} key=${inspection.id} inspection=${inspection} evidence=${evidence}
      standard=${standard} offlineCopy=${offlineCopy} onSubmitted=${reload} />`;
  return html`<${InspectionView} user=${user} inspection=${inspection} evidence=${evidence}
    standard=${standard} reload=${reload} />`;
}
