/** /profile — the calendar feed and API tokens are sections of /account now; old links and bookmarks land there. */
import { redirect } from 'next/navigation';

export default function ProfilePage() {
  redirect('/account#calendar');
}
