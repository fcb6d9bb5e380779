// One inspection: the sheet for its inspector while it is being scored; for everyone else the
// scores, the engine's explanation and evidence, and for offices the assignment and decision.
import { html, useState, useEffect } from '../html.js';
import { t } from '../i18n.js';
import { loadSheet } from './sheetData.js';
import { ErrorMessage, Loading } from '../components/Feedback.js';
import { Sheet } from './Sheet.js';
import { InspectionView } from './InspectionView.js';

export function InspectionPage({ user, id }) {
  const [state, setState] = useState({ loading: true });
  const reload = () => loadSheet(id).then((data) => setState({ data }), (error) => setState({ error }));
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
